//! The captions stage on the sample article every visitor sees: roles of all 80 paragraphs and the
//! caption groups, pinned by `tests/data/ap-ukraine-ceasefire.roles.json`, plus the acceptance
//! facts spelled out.

use lede::analysis::{Analysis, Role};
use lede::{analyze_text, SAMPLE_ARTICLE};

fn sample() -> Analysis {
    analyze_text(SAMPLE_ARTICLE)
}

fn paragraph_text(a: &Analysis, p: usize) -> String {
    let para = &a.paragraphs[p];
    SAMPLE_ARTICLE
        .chars()
        .skip(para.start)
        .take(para.end - para.start)
        .collect()
}

#[test]
fn golden_roles_and_groups() {
    let golden: serde_json::Value =
        serde_json::from_str(include_str!("data/ap-ukraine-ceasefire.roles.json")).unwrap();
    let a = sample();
    let roles: Vec<&str> = a.paragraphs.iter().map(|p| p.role.as_str()).collect();
    let expected: Vec<&str> = golden["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert_eq!(roles.len(), 80);
    for (i, (got, want)) in roles.iter().zip(&expected).enumerate() {
        assert_eq!(got, want, "paragraph {i}: {}", paragraph_text(&a, i));
    }
    let groups: Vec<serde_json::Value> = a
        .caption_groups
        .iter()
        .map(|g| {
            serde_json::json!({
                "representative": g.representative,
                "variants": g.variants.iter().map(|v| v.members.clone()).collect::<Vec<_>>(),
            })
        })
        .collect();
    assert_eq!(serde_json::Value::from(groups), golden["caption_groups"]);
}

#[test]
fn forty_two_captions_and_no_body_paragraph_among_them() {
    let a = sample();
    let captions: Vec<usize> = (0..a.paragraphs.len())
        .filter(|&i| a.paragraphs[i].role == Role::Caption)
        .collect();
    assert_eq!(captions.len(), 42);
    // The captions are paragraphs 4–19, 38–53 and 71–80 (1-based); everything else is not one.
    let expected: Vec<usize> = (3..19).chain(37..53).chain(70..80).collect();
    assert_eq!(captions, expected);
}

#[test]
fn boilerplate_and_credit_lines() {
    let a = sample();
    let role_of = |needle: &str| {
        let i = (0..a.paragraphs.len())
            .find(|&i| paragraph_text(&a, i).starts_with(needle))
            .unwrap_or_else(|| panic!("no paragraph starts with {needle}"));
        a.paragraphs[i].role
    };
    assert_eq!(role_of("Click to Gallery"), Role::Boilerplate);
    assert_eq!(role_of("Follow AP’s coverage"), Role::Boilerplate);
    assert_eq!(role_of("John Leicester in Paris contributed"), Role::Credit);
    // A body paragraph that appears twice (in both articles) stays body.
    let repeated = "Ukraine, under severe military pressure";
    let both: Vec<Role> = (0..a.paragraphs.len())
        .filter(|&i| paragraph_text(&a, i).starts_with(repeated))
        .map(|i| a.paragraphs[i].role)
        .collect();
    assert_eq!(both, [Role::Body, Role::Body]);
}

#[test]
fn twenty_distinct_captions_in_nineteen_groups() {
    let a = sample();
    let distinct: usize = a.caption_groups.iter().map(|g| g.variant_count).sum();
    let members: usize = a.caption_groups.iter().map(|g| g.members.len()).sum();
    assert_eq!(members, 42);
    assert_eq!(distinct, 20);
    assert_eq!(a.caption_groups.len(), 19);
    for g in &a.caption_groups {
        assert_eq!(g.variant_count, g.variants.len());
        assert_eq!(g.representative, g.variants[0].members[0]);
    }
    // The Sudzha pair: "a view of Sudzha" (×8) and "a view of a street of Sudzha" (×2).
    let merged: Vec<_> = a
        .caption_groups
        .iter()
        .filter(|g| g.variant_count > 1)
        .collect();
    assert_eq!(merged.len(), 1);
    let g = merged[0];
    assert!(paragraph_text(&a, g.variants[0].members[0]).contains("a view of Sudzha"));
    assert!(paragraph_text(&a, g.variants[1].members[0]).contains("a view of a street of Sudzha"));
    assert_eq!(g.variants[0].members.len(), 8);
    assert_eq!(g.variants[1].members.len(), 2);
    let changed = &g.variants[1].changed;
    assert_eq!(changed.len(), 1);
    let marked: String = SAMPLE_ARTICLE
        .chars()
        .skip(changed[0].start)
        .take(changed[0].end - changed[0].start)
        .collect();
    assert_eq!(marked, "a street of");
}
