//! Page layouts where the best-scoring box is not the whole article: an intro
//! in a sibling box, a "related" box inside the body, a product page whose
//! description sits in thin boxes.

use unspin_html::extract;

const P: &str = "tells the story, with a clause, another clause, and a full stop at the end \
                 of a reasonably long sentence about the matter.";

#[test]
fn intro_in_a_sibling_box_joins_the_body() {
    let mut body = String::new();
    for i in 0..6 {
        body.push_str(&format!("<p>Body paragraph {i} {P}</p>"));
    }
    let html = format!(
        "<html><body><nav><a href=/>Home</a></nav><div class=page><div class=head>\
         <div class=intro><div class=lead-wrap><p>The opening paragraph {P}</p>\
         <p>The second opening paragraph {P}</p><p>The third opening paragraph {P}</p>\
         <p>The fourth opening paragraph {P}</p></div></div></div>\
         <div class=main><div class=media><img src=x.jpg></div>\
         <div class=text><div class=inner>{body}</div></div></div></div>\
         <footer>Imprint</footer></body></html>"
    );
    let ex = extract(&html);
    assert!(ex.text.starts_with("The opening paragraph"), "{}", ex.text);
    assert!(ex.text.contains("Body paragraph 5"));
    assert!(!ex.text.contains("Imprint") && !ex.text.contains("Home"));
}

#[test]
fn related_box_inside_the_body_is_dropped() {
    for label in ["Read also", "Mehr zum Thema", "Lire aussi :", "Veja também"] {
        let mut body = String::new();
        for i in 0..4 {
            body.push_str(&format!("<p>Body paragraph {i} {P}</p>"));
        }
        body.push_str(&format!(
            "<div class=box><h3>{label}</h3><h4><a href=/x>Another story entirely</a></h4>\
             <p>A teaser for another story <a href=/x>that nobody asked for here.</a></p></div>"
        ));
        for i in 4..8 {
            body.push_str(&format!("<p>Body paragraph {i} {P}</p>"));
        }
        let ex = extract(&format!(
            "<html><body><article>{body}</article></body></html>"
        ));
        assert!(ex.text.contains("Body paragraph 7"), "{label}: {}", ex.text);
        assert!(
            !ex.text.contains(label.trim_end_matches([' ', ':'])),
            "{label}: {}",
            ex.text
        );
        assert!(!ex.text.contains("teaser"), "{label}: {}", ex.text);
    }
}

#[test]
fn thin_boxes_fall_back_to_page_prose() {
    // A product page: the description is split into short boxes, none of
    // which wins as a container; the page's prose is taken instead.
    let deep = |cls: &str, text: &str| {
        format!("<div class={cls}><div><div><div><div><div><p>{text} {P}</p></div></div></div></div></div></div>")
    };
    let html = format!(
        "<html><body><nav><a href=/>Shop</a> <a href=/c>Cart</a></nav>\
         {}<div><b>Price</b></div>{}<div><b>Sizes</b></div>{}\
         <footer><p>Shipping and returns policy for every order placed in this shop.</p></footer>\
         </body></html>",
        deep("a", "A warm blanket"),
        deep("b", "Made of two layers"),
        deep("c", "Washable at forty degrees")
    );
    let ex = extract(&html);
    for part in ["A warm blanket", "Made of two layers", "Washable at forty"] {
        assert!(ex.text.contains(part), "{part}: {}", ex.text);
    }
    assert!(!ex.text.contains("Shipping"), "{}", ex.text);
}

#[test]
fn credit_and_post_meta_lines_are_dropped() {
    let mut body = String::new();
    for i in 0..5 {
        body.push_str(&format!("<p>Body paragraph {i} {P}</p>"));
    }
    body.push_str(
        "<p>Photo: Jane Roe / Getty Images</p><p>This entry was posted in News on May 5.</p>\
         <p>The square at dawn on the day of the vote. © AFP / Jane Roe</p>\
         <p>A stoat in its winter coat. (jroe / iStock.com)</p>",
    );
    for i in 5..8 {
        body.push_str(&format!("<p>Body paragraph {i} {P}</p>"));
    }
    let ex = extract(&format!(
        "<html><body><article>{body}</article></body></html>"
    ));
    assert!(ex.text.contains("Body paragraph 7"), "{}", ex.text);
    assert!(!ex.text.contains("Getty"), "{}", ex.text);
    assert!(!ex.text.contains("entry was posted"), "{}", ex.text);
    assert!(
        !ex.text.contains("AFP") && !ex.text.contains("iStock"),
        "{}",
        ex.text
    );
}
