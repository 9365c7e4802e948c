//! Whole sentences through the timeline stage.

use super::*;

fn events_of(text: &str, roles: &[Role], entities: &[Named]) -> Vec<EventSeg> {
    let doc = crate::analysis::segment::segment(text);
    let time = crate::analysis::time::analyse(text, &doc, roles, "2025-03-14".parse().ok(), None);
    build(text, &doc, &time.timexes, roles, entities)
}

#[test]
fn what_becomes_an_event() {
    type Case<'a> = (&'a str, &'a str, &'a [Role], &'a [(&'a str, &'a str)]);
    let cases: &[Case] = &[
        ("a statement and the event it reports are both placed",
         "Peskov said Friday that Putin met Witkoff.\nPutin asked Witkoff late Thursday to wait.",
         &[], &[("2025-03-13", "Putin asked Witkoff to wait"), ("2025-03-14", "Peskov said that Putin met Witkoff")]),
        ("durations, sets and vague times place nothing",
         "The 30-day truce holds daily now.", &[], &[]),
        ("a caption places nothing",
         "Putin spoke Friday.\nPutin speaks in Moscow, Friday, March 14, 2025. (AP Photo)",
         &[Role::Body, Role::Caption], &[("2025-03-14", "Putin spoke")]),
        ("events come in calendar order",
         "Talks resume next week.\nThe war began in 2022.\nHe left in January.",
         &[], &[("2022", "The war began"), ("2025-01", "He left"), ("2025-W12", "Talks resume")]),
    ];
    for (name, text, roles, expected) in cases {
        let got: Vec<(String, String)> = events_of(text, roles, &[])
            .into_iter()
            .map(|e| (e.date, e.label.text()))
            .collect();
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(d, l)| (d.to_string(), l.to_string()))
            .collect();
        assert_eq!(got, expected, "{name}");
    }
}
