//! Small closed word classes used by the rules: titles, name particles, head
//! nouns and suffixes of organisations, outlets, places and other names.

use crate::lists::Gender;
use unspin_lex::{outlets, titles};

/// A title or honorific written before a name ("President", "Mrs.", "Sen.",
/// "Former"), case-sensitive: see [`unspin_lex::titles::title`].
pub fn cap_title(w: &str) -> Option<Option<Gender>> {
    titles::title(w)
}

/// Multiword-title words that only count as titles together ("First Lady").
pub fn is_title_companion(w: &str) -> bool {
    titles::is_title_companion(w)
}

/// A lower-case role word directly before a name that marks a person
/// ("reporter Gabriel X"): see [`unspin_lex::titles::person_role`].
pub fn lower_person_title(w: &str) -> Option<Option<Gender>> {
    titles::person_role(w)
}

/// Lower-case particles allowed inside person names ("de Blasio", "van Gogh").
pub fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "da"
            | "di"
            | "du"
            | "van"
            | "von"
            | "der"
            | "den"
            | "del"
            | "della"
            | "dos"
            | "das"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "le"
            | "la"
            | "ter"
            | "ten"
            | "zu"
            | "y"
    )
}

/// Lower-case connectors allowed inside organisation and other names after a head
/// noun ("Bank of America", "Committee for …", "Council on …").
pub fn is_org_connector(w: &str) -> bool {
    matches!(w, "of" | "for" | "on" | "and" | "the" | "&")
}

/// Head nouns that may be followed by "of"/"for"/"on" inside a name.
pub fn is_head_noun(w: &str) -> bool {
    is_org_suffix(w)
        || is_place_suffix(w)
        || is_misc_head(w)
        || cap_title(w).is_some()
        || matches!(
            w,
            "Republic"
                | "Kingdom"
                | "State"
                | "States"
                | "City"
                | "Isle"
                | "Cape"
                | "Port"
                | "Gulf"
                | "Bay"
                | "Straits"
                | "Strait"
                | "Sea"
                | "Lake"
                | "Mount"
                | "Times"
                | "Journal"
                | "Review"
                | "Bulletin"
                | "Chronicle"
                | "News"
                | "Annals"
                | "Proceedings"
                | "Bank"
                | "Order"
                | "Knights"
                | "Friends"
                | "Sisters"
                | "Daughters"
                | "Sons"
                | "Statue"
                | "Tomb"
                | "Church"
                | "Cathedral"
                | "Museum"
                | "Library"
                | "Ministry"
                | "Department"
                | "Secretary"
                | "Minister"
                | "Duke"
                | "Duchess"
                | "Earl"
                | "Archbishop"
                | "Bishop"
                | "Prince"
                | "Princess"
                | "Queen"
                | "King"
                | "Chamber"
                | "Court"
                | "Office"
                | "Board"
                | "Bureau"
        )
}

/// Last words that make a name an organisation.
pub fn is_org_suffix(w: &str) -> bool {
    matches!(
        w,
        "Inc."
            | "Inc"
            | "Corp."
            | "Corp"
            | "Corporation"
            | "Co."
            | "Ltd."
            | "Ltd"
            | "LLC"
            | "LLP"
            | "PLC"
            | "plc"
            | "AG"
            | "GmbH"
            | "SA"
            | "NV"
            | "Group"
            | "Holdings"
            | "Partners"
            | "Company"
            | "Companies"
            | "Party"
            | "Committee"
            | "Department"
            | "Dept."
            | "University"
            | "Agency"
            | "Council"
            | "Court"
            | "Bank"
            | "Association"
            | "Foundation"
            | "Institute"
            | "Institution"
            | "Ministry"
            | "Commission"
            | "Administration"
            | "Service"
            | "Services"
            | "Union"
            | "Organization"
            | "Organisation"
            | "Senate"
            | "Congress"
            | "Parliament"
            | "Assembly"
            | "Cabinet"
            | "Caucus"
            | "Campaign"
            | "Church"
            | "Army"
            | "Navy"
            | "Force"
            | "Forces"
            | "Corps"
            | "Police"
            | "Board"
            | "Authority"
            | "Bureau"
            | "College"
            | "School"
            | "Academy"
            | "Society"
            | "Federation"
            | "League"
            | "Club"
            | "FC"
            | "Airlines"
            | "Airways"
            | "Motors"
            | "Technologies"
            | "Labs"
            | "Systems"
            | "Fund"
            | "Trust"
            | "Reserve"
            | "Coalition"
            | "Alliance"
            | "Movement"
            | "Office"
            | "Team"
            | "Network"
            | "Industries"
            | "Pharmaceuticals"
            | "Energy"
            | "Bancorp"
            | "Capital"
            | "Ventures"
            | "Foods"
            | "Entertainment"
            | "Studios"
            | "Records"
            | "Brothers"
            | "Bros."
            | "Secretariat"
            | "Embassy"
            | "Consulate"
            | "Tribunal"
            | "Legislature"
            | "Guard"
            | "Patrol"
            | "Directorate"
            | "Center"
            | "Centre"
            | "Program"
            | "Programme"
            | "Project"
            | "Initiative"
            | "Institutes"
            | "Hospital"
            | "Clinic"
            | "Partnership"
            | "Exchange"
            | "Treasury"
            | "Ministries"
            | "Lab"
            | "Laboratory"
            | "Laboratories"
            | "Cooperative"
            | "Co"
            | "Cos"
            | "Cos."
            | "Plc"
            | "Limited"
            | "Incorporated"
            | "S.A."
            | "N.V."
            | "SpA"
            | "S.p.A."
            | "AB"
            | "ASA"
            | "BV"
            | "KG"
            | "Pty"
            | "Bhd"
            | "Tbk"
            | "Therapeutics"
            | "Biosciences"
            | "Semiconductor"
            | "Semiconductors"
            | "Electronics"
            | "Software"
            | "Solutions"
            | "Logistics"
            | "Insurance"
            | "Investments"
            | "Securities"
            | "Financial"
            | "Brands"
            | "Telecom"
            | "Telecommunications"
            | "Communications"
            | "Railways"
            | "Railway"
            | "Railroad"
            | "Petroleum"
            | "Oil"
            | "Mining"
            | "Steel"
            | "Chemicals"
            | "Chemical"
            | "Resources"
            | "Realty"
            | "Properties"
            | "Hotels"
            | "Resorts"
            | "Restaurants"
            | "Pharma"
            | "Healthcare"
            | "Automotive"
            | "Aerospace"
            | "Dynamics"
            | "Robotics"
            | "Networks"
            | "Pictures"
            | "Publishing"
            | "Books"
            | "Unions"
            | "Syndicate"
            | "Cartel"
            | "Brigade"
            | "Brigades"
            | "Battalion"
            | "Regiment"
            | "Militia"
            | "Front"
            | "Collective"
            | "Guild"
            | "Fellowship"
            | "Diocese"
            | "Archdiocese"
            | "Synod"
            | "Municipality"
            | "Constabulary"
            | "Inquiry"
    )
}

/// Last words of news-outlet names ("the X Times", "Y Post").
pub fn is_outlet_suffix(w: &str) -> bool {
    outlets::is_name_suffix(w)
}

/// Last words that make a name a place.
pub fn is_place_suffix(w: &str) -> bool {
    matches!(
        w,
        "Street"
            | "St."
            | "Avenue"
            | "Ave."
            | "Road"
            | "Rd."
            | "Boulevard"
            | "Blvd."
            | "Lane"
            | "Drive"
            | "Square"
            | "Park"
            | "River"
            | "Lake"
            | "Mountain"
            | "Mountains"
            | "Mount"
            | "Island"
            | "Islands"
            | "Bay"
            | "Valley"
            | "County"
            | "City"
            | "Province"
            | "Airport"
            | "Station"
            | "Bridge"
            | "Building"
            | "Tower"
            | "Towers"
            | "Hall"
            | "Palace"
            | "Castle"
            | "Beach"
            | "Coast"
            | "Ocean"
            | "Sea"
            | "Desert"
            | "Canyon"
            | "Hill"
            | "Hills"
            | "Heights"
            | "Falls"
            | "Stadium"
            | "Arena"
            | "Observatory"
            | "Plaza"
            | "Harbor"
            | "Harbour"
            | "Peninsula"
            | "Strait"
            | "Gulf"
            | "Forest"
            | "Village"
            | "Township"
            | "Parish"
            | "District"
            | "Region"
            | "Territory"
            | "Territories"
            | "Cathedral"
            | "Temple"
            | "Mosque"
            | "Synagogue"
            | "Cemetery"
            | "Memorial"
            | "Zoo"
            | "Garden"
            | "Gardens"
            | "Mall"
            | "Base"
            | "Prison"
            | "Jail"
            | "Penitentiary"
            | "Courthouse"
            | "Capitol"
            | "Manor"
            | "Estate"
            | "Ranch"
            | "Farm"
            | "Springs"
            | "Creek"
            | "Canal"
            | "Highway"
            | "Freeway"
            | "Interstate"
            | "Pass"
            | "Port"
            | "Wharf"
            | "Pier"
            | "Quarter"
            | "Borough"
            | "Republic"
            | "Kingdom"
            | "Emirates"
            | "States"
            | "Oblast"
            | "Prefecture"
            | "Land"
    )
}

/// Words that make a name an event, award, law or work ("Medal of …", "… Prize").
pub fn is_misc_head(w: &str) -> bool {
    matches!(
        w,
        "Medal"
            | "Prize"
            | "Award"
            | "Awards"
            | "Cup"
            | "Trophy"
            | "Championship"
            | "Championships"
            | "Olympics"
            | "Games"
            | "War"
            | "Battle"
            | "Act"
            | "Amendment"
            | "Treaty"
            | "Accords"
            | "Accord"
            | "Agreement"
            | "Doctrine"
            | "Plan"
            | "Festival"
            | "Summit"
            | "Conference"
            | "Convention"
            | "Series"
            | "Bowl"
            | "Open"
            | "Prix"
            | "Marathon"
            | "Revolution"
            | "Crisis"
            | "Scandal"
            | "Affair"
            | "Gate"
            | "Day"
            | "Week"
            | "Month"
            | "Order"
            | "Cross"
            | "Star"
            | "Bill"
            | "Resolution"
            | "Report"
            | "Declaration"
            | "Constitution"
            | "Charter"
            | "Protocol"
            | "Deal"
            | "Rule"
            | "Law"
            | "Code"
            | "Manifesto"
    )
}

/// Words that are capitalised but are never entity names on their own: months,
/// weekdays, and the pronoun "I".
pub fn is_never_name(w: &str) -> bool {
    matches!(
        w,
        "I" | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan."
            | "Feb."
            | "Mar."
            | "Apr."
            | "Jun."
            | "Jul."
            | "Aug."
            | "Sep."
            | "Sept."
            | "Oct."
            | "Nov."
            | "Dec."
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "OK"
            | "No."
            | "Nos."
            | "Mon."
            | "Tue."
            | "Wed."
            | "Thu."
            | "Fri."
            | "Sat."
            | "Sun."
            | "A.M."
            | "P.M."
    )
}

/// Capitalised acronyms that are not names ("CEO", "TV", "VP").
pub fn is_non_entity_acronym(w: &str) -> bool {
    matches!(
        w,
        "CEO"
            | "CFO"
            | "COO"
            | "CTO"
            | "VP"
            | "TV"
            | "OK"
            | "AM"
            | "PM"
            | "ID"
            | "DNA"
            | "GDP"
            | "VIP"
            | "FAQ"
            | "PS"
            | "PDF"
            | "URL"
            | "USB"
            | "HIV"
            | "AIDS"
            | "PhD"
            | "MD"
            | "MBA"
            | "BA"
            | "MA"
            | "BS"
            | "IQ"
            | "I.Q."
            | "AI"
            | "IT"
            | "PR"
            | "HR"
            | "RSS"
            | "UTC"
            | "GMT"
            | "EST"
            | "EDT"
            | "PST"
            | "PDT"
            | "CST"
            | "CDT"
            | "ET"
            | "PT"
            | "LGBT"
            | "LGBTQ"
            | "DIY"
            | "TBD"
            | "ASAP"
            | "RIP"
            | "LOL"
            | "OMG"
            | "US$"
            | "CPI"
            | "GPS"
            | "SUV"
            | "ATM"
            | "NB"
            | "ICU"
            | "ER"
            | "CV"
            | "II"
            | "III"
            | "IV"
            | "VI"
            | "VII"
            | "VIII"
            | "IX"
            | "XI"
            | "XII"
            | "O.K."
            | "P.S."
            | "TBA"
            | "FYI"
            | "NO"
            | "YES"
            | "THE"
            | "AND"
            | "A"
            | "AN"
    )
}

/// Name suffixes that are not surnames ("Jr.", "III").
pub fn is_name_suffix(w: &str) -> bool {
    matches!(
        w,
        "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV" | "V" | "Esq." | "PhD" | "MD"
    )
}

/// Verbs of saying right after a name suggest a person.
pub fn is_speech_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "tells"
            | "wrote"
            | "writes"
            | "added"
            | "adds"
            | "argued"
            | "argues"
            | "explained"
            | "explains"
            | "noted"
            | "notes"
            | "tweeted"
            | "posted"
            | "describes"
            | "described"
            | "insisted"
            | "claimed"
            | "claims"
            | "recalled"
            | "admitted"
            | "warned"
            | "asked"
            | "replied"
            | "responded"
            | "stated"
    )
}

/// Prepositions after which a place reading is preferred ("in Washington").
pub fn is_locative(w: &str) -> bool {
    matches!(
        w,
        "in" | "at" | "near" | "across" | "outside" | "inside" | "around" | "throughout" | "within"
    )
}

/// Nouns in definite descriptions that refer back to a news outlet ("the magazine").
pub fn outlet_description(w: &str) -> Option<&'static [&'static str]> {
    outlets::description_types(w)
}

/// The nouns in an outlet's own name that match a description noun
/// ("the magazine" ↔ "New York Magazine").
pub fn description_name_word(w: &str) -> &'static [&'static str] {
    outlets::description_name_words(w)
}

/// Pronouns, auxiliaries and particles: capitalised mid-sentence only in title case.
pub fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "She"
            | "He"
            | "They"
            | "We"
            | "You"
            | "It"
            | "Is"
            | "Are"
            | "Was"
            | "Were"
            | "Be"
            | "Been"
            | "Being"
            | "Have"
            | "Has"
            | "Had"
            | "Do"
            | "Does"
            | "Did"
            | "Will"
            | "Would"
            | "Can"
            | "Could"
            | "Should"
            | "May"
            | "Might"
            | "Must"
            | "Not"
            | "Who"
            | "What"
            | "Why"
            | "How"
            | "When"
            | "Where"
            | "Your"
            | "Our"
            | "Their"
            | "Its"
            | "His"
            | "Her"
            | "Him"
            | "Them"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "With"
            | "From"
            | "Into"
            | "Over"
            | "After"
            | "About"
            | "Up"
            | "Out"
            | "Off"
            | "Get"
            | "Gets"
            | "Got"
            | "Says"
            | "Said"
            | "Just"
            | "Now"
            | "Here"
            | "There"
            | "Than"
            | "As"
            | "At"
            | "By"
            | "To"
            | "In"
            | "On"
            | "If"
            | "Or"
            | "But"
            | "So"
    )
}

/// First words of place names ("San Bernardino", "Fort Worth", "Lake Tahoe").
pub fn is_place_prefix(w: &str) -> bool {
    matches!(
        w,
        "San"
            | "Santa"
            | "Los"
            | "Las"
            | "Fort"
            | "Ft."
            | "Port"
            | "Mount"
            | "Mt."
            | "Lake"
            | "Saint"
            | "St."
            | "Sao"
            | "São"
            | "Puerto"
            | "Rio"
            | "Cape"
            | "Isle"
            | "Glen"
    )
}

/// First words of event and other names ("Hurricane Sandy", "Operation Desert Storm").
pub fn is_misc_prefix(w: &str) -> bool {
    matches!(
        w,
        "Hurricane" | "Typhoon" | "Cyclone" | "Tropical" | "Storm" | "Operation" | "Super"
    )
}

/// First words that make a multi-word name an organisation: "United …" and the
/// head-first organisation nouns of French, Spanish, Italian and German names
/// ("Ministère de …", "Confédération …", "Banco …").
pub fn is_org_prefix(w: &str) -> bool {
    matches!(
        w,
        "United"
            | "Union"
            | "Banco"
            | "Banca"
            | "Banque"
            | "Ministère"
            | "Ministerio"
            | "Ministero"
            | "Confédération"
            | "Confederación"
            | "Confederazione"
            | "Syndicat"
            | "Sindicato"
            | "Fédération"
            | "Federación"
            | "Federazione"
            | "Parti"
            | "Partido"
            | "Partito"
            | "Société"
            | "Sociedad"
            | "Società"
            | "Asociación"
            | "Associazione"
            | "Institut"
            | "Instituto"
            | "Istituto"
            | "Universidad"
            | "Università"
            | "Université"
            | "Universität"
            | "Fundación"
            | "Fondation"
            | "Fondazione"
            | "Stiftung"
            | "Agence"
            | "Agencia"
            | "Agenzia"
            | "Compagnie"
            | "Compañía"
            | "Groupe"
            | "Grupo"
            | "Gruppo"
            | "Conseil"
            | "Consejo"
            | "Consiglio"
            | "Assemblée"
            | "Verband"
            | "Verein"
    )
}

/// A German compound that names an organisation ("Bundesverband", "Wirtschaftsministerium",
/// "Bundesregierung"): federal prefix or an organisation morpheme inside the word.
pub fn is_german_org_word(w: &str) -> bool {
    if !w.starts_with(|c: char| c.is_uppercase()) || w.chars().count() < 6 {
        return false;
    }
    let l = w.to_lowercase();
    if l.starts_with("bundesliga") || l.starts_with("bundesländ") || l.starts_with("bundesland") {
        return false;
    }
    l.starts_with("bundes")
        || [
            "verband",
            "verein",
            "gesellschaft",
            "ministerium",
            "behörde",
            "gewerkschaft",
            "stiftung",
            "konzern",
            "partei",
            "regierung",
            "institut",
            "kammer",
        ]
        .iter()
        .any(|m| l.contains(m))
}

/// A word that makes a name a news agency ("Presse-Agentur", "France-Presse",
/// "Nachrichtenagentur").
pub fn is_outlet_word(w: &str) -> bool {
    let l = w.to_lowercase();
    l == "presse"
        || l.ends_with("-presse")
        || l.starts_with("presse-")
        || l.ends_with("agentur")
        || l.starts_with("nachrichtenagentur")
}

/// Compass and size words that make "X Place" a larger or smaller place
/// ("Eastern Europe", "Northern Kenya", "Greater Manchester").
pub fn is_compass(w: &str) -> bool {
    matches!(
        w,
        "North"
            | "South"
            | "East"
            | "West"
            | "Northern"
            | "Southern"
            | "Eastern"
            | "Western"
            | "Central"
            | "Northeast"
            | "Northwest"
            | "Southeast"
            | "Southwest"
            | "Northeastern"
            | "Northwestern"
            | "Southeastern"
            | "Southwestern"
            | "Upper"
            | "Lower"
            | "Greater"
            | "Inner"
            | "Outer"
    )
}

/// Lower-case nouns for organisations ("the San Francisco company", "the union").
pub fn is_org_noun(w: &str) -> bool {
    matches!(
        w,
        "company"
            | "firm"
            | "corporation"
            | "startup"
            | "start-up"
            | "nonprofit"
            | "non-profit"
            | "charity"
            | "group"
            | "coalition"
            | "union"
            | "organization"
            | "organisation"
            | "association"
            | "federation"
            | "foundation"
            | "bank"
            | "lender"
            | "insurer"
            | "airline"
            | "carrier"
            | "automaker"
            | "carmaker"
            | "retailer"
            | "chain"
            | "manufacturer"
            | "maker"
            | "producer"
            | "developer"
            | "utility"
            | "conglomerate"
            | "subsidiary"
            | "agency"
            | "institute"
            | "university"
            | "council"
            | "committee"
            | "party"
            | "club"
            | "team"
            | "publisher"
            | "broker"
            | "brokerage"
            | "consultancy"
            | "operator"
            | "supplier"
            | "contractor"
            | "giant"
            | "watchdog"
            | "regulator"
            | "fund"
            | "lobby"
            | "network"
    )
}

/// Words after an organisation's possessive that only companies have
/// ("X's shares", "X's chief executive").
pub fn is_corporate_possession(w: &str) -> bool {
    matches!(
        w,
        "shares"
            | "stock"
            | "shareholders"
            | "headquarters"
            | "subsidiary"
            | "subsidiaries"
            | "board"
            | "CEO"
            | "chief"
            | "revenue"
            | "revenues"
            | "profit"
            | "profits"
            | "earnings"
            | "employees"
            | "workforce"
            | "customers"
            | "investors"
            | "products"
            | "factory"
            | "factories"
            | "plant"
            | "plants"
            | "stores"
            | "members"
            | "membership"
    )
}

/// Head nouns of journal titles followed by "of" ("Journal of …", "Annals of …").
pub fn is_outlet_head(w: &str) -> bool {
    outlets::is_name_head(w)
}
