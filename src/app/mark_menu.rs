//! The mark menu: a small popup over a name, a quote or a date in the article, with the
//! corrections that apply to it. A click on a mark opens it, and so do Enter and Space on a
//! focused mark; Escape closes it.
//!
//! The menu is built with plain DOM calls and one delegated listener, not with the view macro:
//! it is rebuilt whole each time it opens, so it needs no reactivity, and this way it costs a
//! few kilobytes of the page's wasm instead of tens (the whole app must fit in 1.5 MB). Every
//! string from the article goes in as a text node or an attribute value, never as markup.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::dom::Dom;

use super::corrections::{short, Corrections, MenuAt};
use crate::analysis::Analysis;
use crate::corrections::nudge::{nudge, Edge};
use crate::corrections::{Change, Correction, Scope, Target, NAME_LABELS};

/// A name type as one thing: "Person", not "People".
pub fn singular(label: &str) -> &str {
    match label {
        "PER" => "Person",
        "ORG" => "Organisation",
        "LOC" => "Place",
        "MISC" => "Other name",
        other => super::entities::label_name(other),
    }
}

/// The target of mark `start..end` of the text.
fn target(text: &str, start: usize, end: usize) -> Target {
    Target {
        start,
        end,
        text: text
            .chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect(),
    }
}

/// What the open menu's controls stand for: the corrections its plain buttons make (by their
/// `data-fix` index; the scope is read when clicked), and the targets behind its choices.
#[derive(Default)]
struct Model {
    fixed: Vec<Correction>,
    entity: Option<Target>,
    quote: Option<Target>,
    timex: Option<Target>,
    /// Merge candidates and speakers, by the `value` of their `<option>`.
    merge: Vec<Target>,
    speakers: Vec<Target>,
}

/// A button that makes `fix` when clicked.
fn fix_button(
    dom: &Dom,
    parent: &Element,
    model: &mut Model,
    label: &str,
    fix: Correction,
    class: &str,
) -> Element {
    let b = dom.button(parent, label, class);
    Dom::attr(&b, "data-fix", &model.fixed.len().to_string());
    model.fixed.push(fix);
    b
}

/// A plain button, `#id`, that makes `change` to `target` alone.
fn fix_one(
    dom: &Dom,
    parent: &Element,
    model: &mut Model,
    label: &str,
    id: &str,
    target: &Target,
    change: Change,
) {
    let fix = Correction {
        target: target.clone(),
        change,
        scope: Scope::One,
    };
    Dom::attr(
        &fix_button(dom, parent, model, label, fix, "secondary"),
        "id",
        id,
    );
}

/// A button for a choice read from the menu's inputs when clicked.
fn action_button(dom: &Dom, parent: &Element, label: &str, action: &str) -> Element {
    let b = dom.button(parent, label, "secondary");
    Dom::attr(&b, "data-action", action);
    Dom::attr(&b, "id", action);
    b
}

/// The popup, shown while a mark is chosen.
#[component]
pub fn MarkMenu(
    /// The corrected analysis on screen.
    analysis: ReadSignal<Analysis>,
    /// Its text.
    text: ReadSignal<String>,
) -> impl IntoView {
    let c = Corrections::get();
    let root: NodeRef<leptos::html::Div> = NodeRef::new();
    let model = StoredValue::new_local(Model::default());
    Effect::new(move |_| {
        let at = c.menu.get();
        let Some(el) = root.get() else { return };
        let el: Element = el.into();
        el.set_text_content(None);
        let Some(at) = at else {
            let _ = el.set_attribute("hidden", "");
            return;
        };
        let _ = el.remove_attribute("hidden");
        // Through the CSSOM: the page's CSP refuses inline style attributes.
        if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
            let style = html.style();
            let _ = style.set_property("top", &format!("{}px", at.top));
            let _ = style.set_property("left", &format!("{}px", at.left));
        }
        let built = analysis.with_untracked(|a| text.with_untracked(|t| build(&el, t, a, &at)));
        model.set_value(built);
        if at.keyboard {
            super::dom::focus_first_control(&el);
        }
    });
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("button").ok().flatten())
        else {
            return;
        };
        let Some(root) = root.get_untracked() else {
            return;
        };
        let root: Element = root.into();
        let value_of = |id: &str| super::dom::value_in(&root, id);
        let scope = match value_of("scope-choice").as_str() {
            "same_text" => Scope::SameText,
            "cluster" => Scope::Cluster,
            _ => Scope::One,
        };
        let chosen = |list: &[Target], id: &str| {
            value_of(id)
                .parse::<usize>()
                .ok()
                .and_then(|k| list.get(k).cloned())
        };
        if button.get_attribute("data-action").as_deref() == Some("pick-speaker") {
            c.picking.set(model.with_value(|m| m.quote.clone()));
            c.menu.set(None);
            return;
        }
        let fix = model.with_value(|m| {
            if let Some(k) = button.get_attribute("data-fix") {
                let mut fix = m.fixed.get(k.parse::<usize>().ok()?)?.clone();
                if fix.scope == Scope::One && button.closest(".scoped").ok().flatten().is_some() {
                    fix.scope = scope;
                }
                return Some(fix);
            }
            let one = |target: &Option<Target>, change: Change| {
                target.clone().map(|target| Correction {
                    target,
                    change,
                    scope: Scope::One,
                })
            };
            match button.get_attribute("data-action")?.as_str() {
                "merge" => one(&m.entity, Change::Merge(chosen(&m.merge, "merge-with")?)),
                "rename-cluster" => one(&m.entity, Change::Rename(value_of("rename"))),
                "set-role" => {
                    let role = value_of("role");
                    one(
                        &m.entity,
                        Change::Role((!role.trim().is_empty()).then_some(role)),
                    )
                }
                "set-speaker" => one(&m.quote, Change::Speaker(chosen(&m.speakers, "speaker")?)),
                "set-date" => one(
                    &m.timex,
                    Change::Date(value_of("date-value").trim().to_string()),
                ),
                _ => None,
            }
        });
        match fix {
            Some(fix) => c.make(fix),
            None if button.id() == "mark-menu-close" => c.menu.set(None),
            None => {}
        }
    };
    // The date picker's grain sets its input's type: a day, a week, a month or a year.
    let on_change = move |ev: web_sys::Event| {
        let Some(select) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        else {
            return;
        };
        if select.id() == "date-grain" {
            if let Some(input) = root.get_untracked().and_then(|r| {
                Element::from(r)
                    .query_selector("#date-value")
                    .ok()
                    .flatten()
            }) {
                let kind = GRAINS
                    .iter()
                    .find(|g| g.0 == select.value())
                    .map_or("date", |g| g.1);
                let _ = input.set_attribute("type", kind);
            }
        }
    };
    view! {
        <div id="mark-menu" class="popup mark-menu" role="dialog" aria-label="Correct this mark" hidden
            node_ref=root on:click=on_click on:change=on_change
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Escape" {
                    c.menu.set(None);
                    super::dom::restore_focus();
                }
            }></div>
    }
}

/// Fills the menu for the marks in `at` and returns what its controls stand for.
fn build(root: &Element, text: &str, a: &Analysis, at: &MenuAt) -> Model {
    let dom = Dom::new();
    let mut model = Model::default();
    if let Some(e) = at.entity {
        entity_section(&dom, root, &mut model, text, a, e);
    }
    if let Some(q) = at.quote {
        quote_section(&dom, root, &mut model, text, a, q);
    }
    if let Some(x) = at.timex {
        time_section(&dom, root, &mut model, text, a, x);
    }
    let row = dom.el(root, "div", "popup-row end");
    Dom::attr(&dom.button(&row, "Close", "link"), "id", "mark-menu-close");
    model
}

fn entity_section(
    dom: &Dom,
    root: &Element,
    m: &mut Model,
    text: &str,
    a: &Analysis,
    index: usize,
) {
    let Some(e) = a.entities.get(index) else {
        return;
    };
    let me = target(text, e.start, e.end);
    let cluster = e.cluster.and_then(|k| a.clusters.get(k));
    let section = dom.el(root, "section", "menu-section");
    Dom::attr(&section, "aria-label", "The name");
    let heading = format!(
        "“{}” · {}{}",
        short(&e.text),
        singular(&e.label),
        cluster.map_or(String::new(), |k| format!(" · {}", k.name))
    );
    dom.text(&section, "p", "popup-title", &heading);
    match e.source.as_deref() {
        Some("lexicon") => {
            dom.text(
                &section,
                "p",
                "popup-note",
                "Found with your names (the personal lexicon).",
            );
        }
        Some("reader") => {
            dom.text(
                &section,
                "p",
                "popup-note",
                "Marked this way by your correction.",
            );
        }
        _ => {}
    }
    // What the type buttons and "not a name" reach.
    let same_text = a.entities.iter().filter(|x| x.text == e.text).count();
    let mut scopes = vec![("one".to_string(), "this mention".to_string())];
    if same_text > 1 {
        scopes.push((
            "same_text".into(),
            format!("every “{}” ({same_text})", short(&e.text)),
        ));
    }
    if let Some(k) = cluster.filter(|k| k.count > 1) {
        scopes.push((
            "cluster".into(),
            format!("all of {} ({})", short(&k.name), k.count),
        ));
    }
    let scoped = dom.el(&section, "div", "scoped");
    if scopes.len() > 1 {
        let row = dom.el(&scoped, "div", "popup-row");
        dom.select(&row, "Apply to ", "scope-choice", &scopes, "one");
    }
    let row = dom.el(&scoped, "div", "popup-row");
    Dom::attr(&row, "role", "group");
    Dom::attr(&row, "aria-label", "Type");
    for &l in NAME_LABELS {
        let fix = Correction {
            target: me.clone(),
            change: Change::Label(l.to_string()),
            scope: Scope::One,
        };
        let b = fix_button(dom, &row, m, singular(l), fix, "chip");
        Dom::attr(&b, "data-set-label", l);
        Dom::attr(
            &b,
            "aria-pressed",
            if e.label == l { "true" } else { "false" },
        );
    }
    let row = dom.el(&scoped, "div", "popup-row");
    fix_one(
        dom,
        &row,
        m,
        "Not a name",
        "not-a-name",
        &me,
        Change::NotAName,
    );
    if cluster.is_some_and(|k| k.count > 1) {
        fix_one(
            dom,
            &row,
            m,
            "Not the same as the others",
            "split",
            &me,
            Change::Split,
        );
    }
    // Widen or narrow by a word, within the paragraph.
    let bounds = a
        .paragraphs
        .get(e.paragraph)
        .map_or((0, a.text_length), |p| (p.start, p.end));
    let row = dom.el(&section, "div", "popup-row");
    Dom::attr(&row, "role", "group");
    Dom::attr(&row, "aria-label", "Words covered");
    for (label, edge, widen) in [
        ("← widen", Edge::Start, true),
        ("narrow →", Edge::Start, false),
        ("← narrow", Edge::End, false),
        ("widen →", Edge::End, true),
    ] {
        match nudge(text, (e.start, e.end), bounds, edge, widen) {
            Some((start, end)) => {
                let fix = Correction {
                    target: me.clone(),
                    change: Change::Resize(start, end),
                    scope: Scope::One,
                };
                fix_button(dom, &row, m, label, fix, "chip");
            }
            None => {
                Dom::attr(&dom.button(&row, label, "chip"), "disabled", "");
            }
        }
    }
    let Some(cluster) = cluster else { return };
    m.entity = Some(me);
    // Merge with another cluster of the same type.
    let others: Vec<(String, String)> = a
        .clusters
        .iter()
        .filter(|k| k.id != cluster.id && k.label == e.label)
        .filter_map(|k| {
            let first = a.entities.get(*k.mentions.first()?)?;
            m.merge.push(target(text, first.start, first.end));
            Some(((m.merge.len() - 1).to_string(), k.name.clone()))
        })
        .collect();
    if !others.is_empty() {
        let row = dom.el(&section, "div", "popup-row");
        let mut options = vec![(String::new(), "choose…".to_string())];
        options.extend(others);
        dom.select(&row, "Same as ", "merge-with", &options, "");
        action_button(dom, &row, "Merge", "merge");
    }
    let row = dom.el(&section, "div", "popup-row");
    dom.input(&row, "Name ", "rename", "text", &cluster.name);
    action_button(dom, &row, "Rename", "rename-cluster");
    let row = dom.el(&section, "div", "popup-row");
    let role = dom.input(
        &row,
        "Role ",
        "role",
        "text",
        cluster.role.as_deref().unwrap_or(""),
    );
    Dom::attr(&role, "placeholder", "e.g. Secretary of State");
    action_button(dom, &row, "Set role", "set-role");
}

fn quote_section(dom: &Dom, root: &Element, m: &mut Model, text: &str, a: &Analysis, index: usize) {
    let Some(q) = a.quotes.get(index) else { return };
    let me = target(text, q.start, q.end);
    let section = dom.el(root, "section", "menu-section");
    Dom::attr(&section, "aria-label", "The quote");
    let said_by = q
        .speaker
        .as_ref()
        .and_then(|s| s.name.clone())
        .unwrap_or_else(|| "nobody named".into());
    dom.text(
        &section,
        "p",
        "popup-title",
        &format!("Quote · said by {said_by}"),
    );
    // Who may have said it: the people and organisations, by their first mention.
    let current = q.speaker.as_ref().and_then(|s| s.cluster);
    let mut options = vec![(String::new(), "choose…".to_string())];
    let mut selected = String::new();
    for k in a
        .clusters
        .iter()
        .filter(|k| k.label == "PER" || k.label == "ORG")
    {
        let Some(first) = k.mentions.first().and_then(|&i| a.entities.get(i)) else {
            continue;
        };
        m.speakers.push(target(text, first.start, first.end));
        let value = (m.speakers.len() - 1).to_string();
        if Some(k.id) == current {
            selected = value.clone();
        }
        options.push((value, k.name.clone()));
    }
    let row = dom.el(&section, "div", "popup-row");
    dom.select(&row, "Said by ", "speaker", &options, &selected);
    action_button(dom, &row, "Set speaker", "set-speaker");
    // A speaker the analysis did not name ("a senior official"): the reader selects the words.
    let pick = action_button(dom, &row, "Select in the text…", "pick-speaker");
    pick.set_class_name("link");
    let row = dom.el(&section, "div", "popup-row");
    fix_one(
        dom,
        &row,
        m,
        "Not a quote",
        "not-a-quote",
        &me,
        Change::NotAQuote,
    );
    m.quote = Some(me);
}

/// The date picker's grains: `(value, input type, label)`.
const GRAINS: &[(&str, &str, &str)] = &[
    ("day", "date", "Day"),
    ("week", "week", "Week"),
    ("month", "month", "Month"),
    ("year", "number", "Year"),
];

fn time_section(dom: &Dom, root: &Element, m: &mut Model, text: &str, a: &Analysis, index: usize) {
    let Some(x) = a.timexes.get(index) else {
        return;
    };
    let me = target(text, x.start, x.end);
    let section = dom.el(root, "section", "menu-section");
    Dom::attr(&section, "aria-label", "The date");
    dom.text(
        &section,
        "p",
        "popup-title",
        &format!("“{}” · {}", short(&me.text), x.value),
    );
    // The picker opens on the grain of the current value.
    let grain = if x.value.contains("-W") {
        "week"
    } else if x.value.len() == 7 {
        "month"
    } else if x.value.len() == 4 {
        "year"
    } else {
        "day"
    };
    let options: Vec<(String, String)> = GRAINS
        .iter()
        .map(|g| (g.0.to_string(), g.2.to_string()))
        .collect();
    let row = dom.el(&section, "div", "popup-row");
    dom.select(&row, "Grain ", "date-grain", &options, grain);
    let kind = GRAINS.iter().find(|g| g.0 == grain).map_or("date", |g| g.1);
    let value: String = x.value.chars().take(10).collect();
    dom.input(&row, "Date ", "date-value", kind, &value);
    action_button(dom, &row, "Set date", "set-date");
    let row = dom.el(&section, "div", "popup-row");
    fix_one(
        dom,
        &row,
        m,
        "Not a date",
        "not-a-date",
        &me,
        Change::NotADate,
    );
    if a.events.iter().any(|e| e.timex == index) {
        fix_one(
            dom,
            &row,
            m,
            "Drop from the timeline",
            "drop-event",
            &me,
            Change::DropEvent,
        );
    }
    m.timex = Some(me);
}

/// Opens the menu for the marks at `element` (a click or a focused mark).
pub fn open_at(c: Corrections, element: &Element, keyboard: bool) {
    let index = |attribute: &str| {
        element
            .closest(&format!("[{attribute}]"))
            .ok()
            .flatten()
            .and_then(|el| el.get_attribute(attribute))
            .and_then(|v| v.parse::<usize>().ok())
    };
    let (entity, quote, timex) = (
        index("data-entity"),
        index("data-quote"),
        index("data-timex"),
    );
    if entity.is_none() && quote.is_none() && timex.is_none() {
        c.menu.set(None);
        return;
    }
    let (top, left) = super::corrections::place_near(&element.get_bounding_client_rect());
    c.selected.set(None);
    c.menu.set(Some(MenuAt {
        entity,
        quote,
        timex,
        top,
        left,
        keyboard,
    }));
}
