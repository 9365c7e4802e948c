//! TimeML's events and the temporal links between a time expression and an event, read from a
//! `.tml` file: what `lede eval-anchoring` scores the timeline's anchoring against.
//!
//! The text is stripped of its tags exactly as `timeml::parse` strips it, so byte offsets agree
//! between the two readers. An `EVENT` is identified by its `eid`, a `MAKEINSTANCE` maps an
//! instance (`eiid`) to its event, and a `TLINK` relates a time (`timeID` or `relatedToTime`) to an
//! instance (`eventInstanceID` or `relatedToEventInstance`). Links between two events or two times
//! are skipped: anchoring is about a date and what happened then.

use std::collections::HashMap;

/// One `EVENT`: its byte span in the stripped text.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldEvent {
    pub id: String,
    pub start: usize,
    pub end: usize,
    /// TimeML's class: `OCCURRENCE`, `REPORTING`, `STATE`, …
    pub class: String,
}

/// One `TIMEX3` of the text (not the DCT).
#[derive(Debug, Clone, PartialEq)]
pub struct LinkedTimex {
    pub id: String,
    pub start: usize,
    pub end: usize,
    pub kind: String,
}

/// A link from a time expression to an event, with the relation as seen from the event:
/// `IS_INCLUDED` means the event falls within the time.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeLink {
    pub timex: String,
    pub event: String,
    pub relation: String,
}

/// A document's text, events, time expressions and time–event links.
#[derive(Debug, Clone, Default)]
pub struct LinkedDoc {
    pub text: String,
    pub events: Vec<GoldEvent>,
    pub timexes: Vec<LinkedTimex>,
    pub links: Vec<TimeLink>,
}

/// The attributes of a tag's inside, in order.
fn attributes(tag: &str) -> Vec<(&str, String)> {
    let mut out = Vec::new();
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq]
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let value_start = eq + 2;
        let Some(len) = rest[value_start..].find('"') else {
            break;
        };
        out.push((name, rest[value_start..value_start + len].to_string()));
        rest = &rest[value_start + len + 1..];
    }
    out
}

fn get(attrs: &[(&str, String)], name: &str) -> Option<String> {
    attrs
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.clone())
}

/// The relation read from the event's side: a link written time-first (`t1 INCLUDES ei5`) is
/// the inverse of the same link written event-first (`ei5 IS_INCLUDED t1`).
fn from_event_side(relation: &str) -> String {
    match relation {
        "INCLUDES" => "IS_INCLUDED",
        "IS_INCLUDED" => "INCLUDES",
        "BEFORE" => "AFTER",
        "AFTER" => "BEFORE",
        "IBEFORE" => "IAFTER",
        "IAFTER" => "IBEFORE",
        "BEGINS" => "BEGUN_BY",
        "BEGUN_BY" => "BEGINS",
        "ENDS" => "ENDED_BY",
        "ENDED_BY" => "ENDS",
        "DURING" => "DURING_INV",
        "DURING_INV" => "DURING",
        other => other,
    }
    .to_string()
}

/// Parses a `.tml` document.
pub fn parse(source: &str) -> LinkedDoc {
    let body = match (source.find("<TEXT>"), source.find("</TEXT>")) {
        (Some(a), Some(b)) if a < b => &source[a + "<TEXT>".len()..b],
        _ => "",
    };
    let mut doc = LinkedDoc::default();
    let mut open_event: Option<(usize, Vec<(&str, String)>)> = None;
    let mut open_timex: Option<(usize, Vec<(&str, String)>)> = None;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with('<') {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            let tag = &rest[..end];
            if tag.starts_with("<EVENT") {
                open_event = Some((doc.text.len(), attributes(tag)));
            } else if tag.starts_with("</EVENT") {
                if let Some((start, attrs)) = open_event.take() {
                    doc.events.push(GoldEvent {
                        id: get(&attrs, "eid").unwrap_or_default(),
                        start,
                        end: doc.text.len(),
                        class: get(&attrs, "class").unwrap_or_default(),
                    });
                }
            } else if tag.starts_with("<TIMEX3") {
                open_timex = Some((doc.text.len(), attributes(tag)));
            } else if tag.starts_with("</TIMEX3") {
                if let Some((start, attrs)) = open_timex.take() {
                    doc.timexes.push(LinkedTimex {
                        id: get(&attrs, "tid").unwrap_or_default(),
                        start,
                        end: doc.text.len(),
                        kind: get(&attrs, "type").unwrap_or_default(),
                    });
                }
            }
            i += end;
        } else if let Some((c, len)) = super::timeml::decode_entity(rest) {
            doc.text.push(c);
            i += len;
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            doc.text.push(c);
            i += c.len_utf8();
        }
    }
    let tail = source
        .get(source.find("</TEXT>").unwrap_or(source.len())..)
        .unwrap_or("");
    let mut instances: HashMap<String, String> = HashMap::new();
    for (at, _) in tail.match_indices("<MAKEINSTANCE") {
        let end = tail[at..].find('>').map_or(tail.len(), |e| at + e);
        let attrs = attributes(&tail[at..end]);
        if let (Some(eiid), Some(eid)) = (get(&attrs, "eiid"), get(&attrs, "eventID")) {
            instances.insert(eiid, eid);
        }
    }
    for (at, _) in tail.match_indices("<TLINK") {
        let end = tail[at..].find('>').map_or(tail.len(), |e| at + e);
        let attrs = attributes(&tail[at..end]);
        let relation = get(&attrs, "relType").unwrap_or_default();
        let link = match (
            get(&attrs, "timeID"),
            get(&attrs, "relatedToEventInstance"),
            get(&attrs, "eventInstanceID"),
            get(&attrs, "relatedToTime"),
        ) {
            (Some(t), Some(e), None, None) => Some((t, e, from_event_side(&relation))),
            (None, None, Some(e), Some(t)) => Some((t, e, relation)),
            _ => None,
        };
        if let Some((timex, instance, relation)) = link {
            if let Some(event) = instances.get(&instance) {
                doc.links.push(TimeLink {
                    timex,
                    event: event.clone(),
                    relation,
                });
            }
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_events_timexes_and_links_from_either_side() {
        let src = r#"<TEXT>Bombs <EVENT eid="e1" class="OCCURRENCE">exploded</EVENT> &amp; more <TIMEX3 tid="t1" type="DATE" value="1998-08-07">late Friday</TIMEX3>, police <EVENT eid="e2" class="REPORTING">said</EVENT>.</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" />
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" />
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" />
<TLINK lid="l2" relType="INCLUDES" timeID="t1" relatedToEventInstance="ei2" />
<TLINK lid="l3" relType="BEFORE" eventInstanceID="ei1" relatedToEventInstance="ei2" />"#;
        let doc = parse(src);
        assert_eq!(doc.text, "Bombs exploded & more late Friday, police said.");
        let e = &doc.events[0];
        assert_eq!(
            (&doc.text[e.start..e.end], e.class.as_str()),
            ("exploded", "OCCURRENCE")
        );
        let t = &doc.timexes[0];
        assert_eq!(
            (&doc.text[t.start..t.end], t.kind.as_str()),
            ("late Friday", "DATE")
        );
        let links: Vec<(&str, &str, &str)> = doc
            .links
            .iter()
            .map(|l| (l.timex.as_str(), l.event.as_str(), l.relation.as_str()))
            .collect();
        assert_eq!(
            links,
            vec![("t1", "e1", "IS_INCLUDED"), ("t1", "e2", "IS_INCLUDED")],
            "the time-first link is read from the event's side; event-event links are skipped"
        );
    }
}
