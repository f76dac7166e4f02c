//! The public API's promises: thread safety, owned output, char offsets,
//! serialisation, builder errors.

use quote_attribution::{CharMapper, ErrorKind, Extractor, Gazetteer, MarkStyle, Quote, Rule};

#[test]
fn extractor_is_clone_send_sync() {
    fn assert_traits<T: Clone + Send + Sync + 'static>() {}
    assert_traits::<Extractor>();
    assert_traits::<Quote<'static>>();
}

#[test]
fn extractor_is_usable_from_threads() {
    let ex = Extractor::new();
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let ex = ex.clone();
            std::thread::spawn(move || ex.extract("« Oui », a dit la maire.").len())
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), 1);
    }
}

#[test]
fn into_owned_outlives_the_text() {
    let owned: Vec<Quote<'static>> = {
        let text = String::from("« Non », a répondu le ministre.");
        Extractor::new()
            .extract(&text)
            .into_iter()
            .map(Quote::into_owned)
            .collect()
    };
    assert_eq!(owned[0].text(), "Non");
    assert_eq!(owned[0].cue().unwrap().text, "a répondu");
    assert_eq!(owned[0].speaker().unwrap().name(), "ministre");
}

#[test]
fn char_offsets_match_python_indexing() {
    let text = "L’élu a dit « été » puis « hiver ».";
    let quotes = Extractor::new().extract(text);
    let mut map = CharMapper::new(text);
    let chars: Vec<char> = text.chars().collect();
    for q in &quotes {
        let c = map.char_span(q.content_span());
        let sliced: String = chars[c.start..c.end].iter().collect();
        assert_eq!(sliced, q.text());
        assert_eq!(q.char_content_span(), c);
    }
}

#[test]
fn quotes_serialise_to_json() {
    let text = "« Oui », a dit la maire.";
    let q = &Extractor::new().extract(text)[0];
    let v = serde_json::to_value(q).unwrap();
    assert_eq!(v["text"], "Oui");
    assert_eq!(v["style"], "guillemets");
    assert_eq!(v["rule"], "incise");
    assert_eq!(v["speaker"], "maire");
    assert_eq!(v["speaker_kind"], "role");
    assert_eq!(v["doc"], serde_json::Value::Null);
    // The same flat schema as a record, which reads back.
    assert_eq!(v, serde_json::to_value(q.record()).unwrap());
    let back: quote_attribution::Record = serde_json::from_value(v).unwrap();
    assert_eq!(back, q.record());
    assert_eq!(q.style(), MarkStyle::Guillemets);
    assert_eq!(q.rule(), Rule::Incise);
    assert!(q.confidence() > 0.9);
}

#[test]
fn bad_cue_verbs_fail_at_build_naming_the_line() {
    let err = Extractor::builder()
        .cue_verbs("chantonner\nrépondre")
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidLexiconEntry);
    assert!(
        err.to_string().contains("line 2") && err.to_string().contains("répondre"),
        "{err}"
    );
}

#[test]
fn builder_is_reusable() {
    let mut b = Extractor::builder();
    b.scan_only(true);
    let a = b.build().unwrap();
    let c = b.build().unwrap();
    let text = "« Oui », a dit la maire.";
    assert_eq!(a.extract(text), c.extract(text));
    assert!(a.extract(text)[0].speaker().is_none());
}

#[test]
fn gazetteer_from_json_maps_to_ids() {
    let g = Gazetteer::from_json(
        r#"[{"id": "Q1", "name": "Claire Martin", "aliases": ["la ministre de la Culture"]}]"#,
    )
    .unwrap();
    let ex = Extractor::builder().gazetteer(g).build().unwrap();
    let q = &ex.extract("« Rien n'est décidé », a déclaré la ministre de la Culture.")[0];
    assert_eq!(q.speaker().unwrap().name(), "Claire Martin");
    assert_eq!(q.speaker().unwrap().id(), Some("Q1"));
    assert_eq!(
        q.speaker_mention().unwrap().text,
        "la ministre de la Culture"
    );
}
