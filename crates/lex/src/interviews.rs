//! Words of interviews and transcripts: what introduces an interviewee ("spoke
//! with X") and line labels that are not speakers ("Q:", "Update:", "Read more:").
//! All lowercase; asked with lowercase forms.

word_set!(
    /// Words before "with" that introduce an interviewee ("interview with", "spoke to").
    pub INTERVIEW_WORDS = "interview_words.txt"
);
word_set!(
    /// Line labels that are not speakers ("Q", "Update", "Editor's note", "Read more").
    pub NON_SPEAKER_LABELS = "non_speaker_labels.txt"
);
