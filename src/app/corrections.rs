//! The reader's corrections in the page: the history (undo, redo), the strip that lists them,
//! and the bar that turns a selection into a missed name or quote.
//!
//! Corrections are data (`crate::corrections`). The page keeps them in a `History`, applies them
//! to each analysis the worker sends back (`corrected`), and the views, panels and exports read
//! only the corrected analysis.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::{target_of, value_in, Dom};
use crate::analysis::offsets::CharIndex;
use crate::analysis::Analysis;
use crate::corrections::{Change, Correction, History, Outcome, Scope, Target};

/// What the page knows about the reader's corrections, shared through the context.
#[derive(Clone, Copy)]
pub struct Corrections {
    /// The corrections in force and the ones undone.
    pub history: RwSignal<History>,
    /// What became of each correction in force, in order.
    pub outcomes: RwSignal<Vec<Outcome>>,
    /// The open mark menu, if any.
    pub menu: RwSignal<Option<MenuAt>>,
    /// Words selected in the article, offered as a missed name or quote.
    pub selected: RwSignal<Option<Selected>>,
    /// The quote whose speaker the reader is choosing by selecting words in the article.
    pub picking: RwSignal<Option<Target>>,
    /// Names the reader retyped or added, for the personal lexicon: `(name, label)`.
    pub learned: RwSignal<Option<(String, String)>>,
}

impl Corrections {
    pub fn new(done: Vec<Correction>) -> Corrections {
        Corrections {
            history: RwSignal::new(History::new(done)),
            outcomes: RwSignal::new(Vec::new()),
            menu: RwSignal::new(None),
            selected: RwSignal::new(None),
            picking: RwSignal::new(None),
            learned: RwSignal::new(None),
        }
    }

    /// The context's corrections.
    pub fn get() -> Corrections {
        expect_context::<Corrections>()
    }

    /// Makes a correction: it joins the history, and the menus close.
    pub fn make(self, correction: Correction) {
        let learned = match &correction.change {
            Change::Label(label) | Change::AddName(label)
                if crate::corrections::NAME_LABELS.contains(&label.as_str()) =>
            {
                Some((correction.target.text.clone(), label.clone()))
            }
            _ => None,
        };
        self.history.update(|h| h.push(correction));
        self.menu.set(None);
        self.selected.set(None);
        self.picking.set(None);
        if learned.is_some() {
            self.learned.set(learned);
        }
    }

    /// A new article: its corrections (none, or those saved with it).
    pub fn reset(self, done: Vec<Correction>) {
        self.history.set(History::new(done));
        self.menu.set(None);
        self.selected.set(None);
        self.picking.set(None);
    }
}

/// The marks under a click (or a focused mark), and where to draw the menu, in viewport pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct MenuAt {
    pub entity: Option<usize>,
    pub quote: Option<usize>,
    pub timex: Option<usize>,
    pub top: f64,
    pub left: f64,
    /// Opened from the keyboard: its first control takes the focus.
    pub keyboard: bool,
}

/// A selection in the article: its span and where to draw the bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Selected {
    pub target: Target,
    pub top: f64,
    pub left: f64,
    /// Made with the keyboard (Shift and the arrows): the bar says how to reach it.
    pub keyboard: bool,
}

/// Where to put a popup for an element's box: below it, or above it near the bottom of the
/// screen, and never off the right edge.
pub fn place_near(rect: &web_sys::DomRect) -> (f64, f64) {
    let window = window();
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    let width = window
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(1200.0);
    let top = if rect.bottom() > height * 0.55 {
        (rect.top() - height * 0.45).max(8.0)
    } else {
        rect.bottom() + 6.0
    };
    let left = rect.left().min(width - 340.0).max(8.0);
    (top, left)
}

/// The code point of the text at a DOM position inside the article, counted from the start of
/// its paragraph (`p.para[data-paragraph]`), whose pieces join back to the paragraph's text.
fn offset_at(node: &web_sys::Node, offset: u32, analysis: &Analysis) -> Option<usize> {
    let element = match node.dyn_ref::<web_sys::Element>() {
        Some(e) => e.clone(),
        None => node.parent_element()?,
    };
    let para = element.closest("p.para[data-paragraph]").ok()??;
    let index: usize = para.get_attribute("data-paragraph")?.parse().ok()?;
    let start = analysis.paragraphs.get(index)?.start;
    let range = document().create_range().ok()?;
    range.set_start(&para, 0).ok()?;
    range.set_end(node, offset).ok()?;
    let before: String = range.to_string().into();
    Some(start + before.chars().count())
}

/// The reader's selection in the article as a target, trimmed to its words; `None` when nothing
/// (or only white space) is selected, or the selection leaves the article.
pub fn selection_target(text: &str, analysis: &Analysis, keyboard: bool) -> Option<Selected> {
    let selection = window().get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let a = offset_at(
        &range.start_container().ok()?,
        range.start_offset().ok()?,
        analysis,
    )?;
    let b = offset_at(
        &range.end_container().ok()?,
        range.end_offset().ok()?,
        analysis,
    )?;
    let (mut start, mut end) = (a.min(b), a.max(b));
    let index = CharIndex::new(text);
    if end > index.char_len() {
        return None;
    }
    let slice = |s: usize, e: usize| &text[index.byte_of(s)..index.byte_of(e)];
    let chosen = slice(start, end);
    start += chosen.chars().take_while(|c| c.is_whitespace()).count();
    end -= chosen
        .chars()
        .rev()
        .take_while(|c| c.is_whitespace())
        .count();
    if start >= end {
        return None;
    }
    let rect = range.get_bounding_client_rect();
    let (top, left) = place_near(&rect);
    Some(Selected {
        target: Target {
            start,
            end,
            text: slice(start, end).to_string(),
        },
        top,
        left,
        keyboard,
    })
}

/// The strip above the article: how many corrections, undo and redo, and the list, with the
/// ones that did not apply marked stale or refused, each with a button to remove it.
#[component]
pub fn CorrectionsStrip() -> impl IntoView {
    let c = Corrections::get();
    let root: NodeRef<leptos::html::Div> = NodeRef::new();
    Effect::new(move |_| {
        let outcomes = c.outcomes.get();
        let history = c.history.get();
        let picking = c.picking.get();
        let Some(el) = root.get() else { return };
        let el: web_sys::Element = el.into();
        // The list stays open across a rebuild if the reader opened it.
        let was_open = el.query_selector("details[open]").ok().flatten().is_some();
        el.set_text_content(None);
        if history.done.is_empty() && history.undone.is_empty() && picking.is_none() {
            let _ = el.set_attribute("hidden", "");
            return;
        }
        let _ = el.remove_attribute("hidden");
        let dom = Dom::new();
        if let Some(quote) = picking {
            let p = dom.text(
                &el,
                "p",
                "picking",
                &format!(
                    "Who said “{}”? Select their words in the article. ",
                    short(quote.text.trim_matches(|c| "“”\"‘’«»".contains(c)))
                ),
            );
            Dom::attr(&p, "role", "status");
            Dom::attr(&dom.button(&p, "Cancel", "link"), "id", "pick-cancel");
        }
        if history.done.is_empty() && history.undone.is_empty() {
            return;
        }
        let details = dom.el(&el, "details", "");
        if was_open {
            Dom::attr(&details, "open", "");
        }
        let summary = dom.text(
            &details,
            "summary",
            "",
            &match history.done.len() {
                1 => "1 correction of yours".to_string(),
                n => format!("{n} corrections of yours"),
            },
        );
        let failed = outcomes.iter().filter(|o| !o.is_applied()).count();
        if failed > 0 {
            dom.text(
                &summary,
                "span",
                "stale-count",
                &format!(" · {failed} not applied"),
            );
        }
        let list = dom.el(&details, "ol", "correction-list");
        for (k, correction) in history.done.iter().enumerate() {
            let problem = match outcomes.get(k) {
                Some(Outcome::Stale { why }) => Some(format!("Stale: {why}")),
                Some(Outcome::Invalid { why }) => Some(format!("Refused: {why}")),
                _ => None,
            };
            let li = dom.el(
                &list,
                "li",
                if problem.is_some() {
                    "correction stale"
                } else {
                    "correction"
                },
            );
            Dom::attr(&li, "data-correction", &k.to_string());
            dom.text(&li, "span", "what", &correction.describe());
            if let Some(p) = problem {
                dom.text(&li, "span", "why", &p);
            }
            Dom::attr(
                &dom.button(&li, "Remove", "link"),
                "data-remove",
                &k.to_string(),
            );
        }
        for (id, label, off) in [
            ("undo", "Undo", history.done.is_empty()),
            ("redo", "Redo", history.undone.is_empty()),
        ] {
            let b = dom.button(&el, label, "secondary");
            Dom::attr(&b, "id", id);
            if off {
                Dom::attr(&b, "disabled", "");
            }
        }
    });
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(button) = target_of(&ev).and_then(|t| t.closest("button").ok().flatten()) else {
            return;
        };
        let remove = button
            .get_attribute("data-remove")
            .and_then(|k| k.parse().ok());
        if button.id() == "pick-cancel" {
            return c.picking.set(None);
        }
        c.history.update(|h| {
            match (button.id().as_str(), remove) {
                ("undo", _) => h.undo(),
                ("redo", _) => h.redo(),
                (_, Some(k)) => h.remove(k),
                _ => false,
            };
        });
    };
    // Ctrl+Z (⌘Z) undoes, Ctrl+Shift+Z or Ctrl+Y redoes, as in any editor; Escape stops choosing
    // a speaker. A field keeps its own undo for what is typed in it.
    let keys = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            c.picking.set(None);
            return;
        }
        let typing = document().active_element().is_some_and(|a| {
            a.matches("input, textarea, select, [contenteditable]")
                .unwrap_or(false)
        });
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() || typing {
            return;
        }
        let key = ev.key().to_lowercase();
        let redo = key == "y" || (key == "z" && ev.shift_key());
        if key != "z" && key != "y" {
            return;
        }
        let mut done = false;
        c.history
            .update(|h| done = if redo { h.redo() } else { h.undo() });
        if done {
            ev.prevent_default();
        }
    });
    on_cleanup(move || keys.remove());
    view! { <div id="corrections" class="corrections-strip" hidden node_ref=root on:click=on_click></div> }
}

/// The bar over a selection in the article: mark it as a name (of a type, here or everywhere)
/// or as a quote. A selection made with the mouse or the keyboard raises it; Enter in the article
/// moves the focus into it (`focus_selection_bar`), Escape closes it and gives the focus back.
#[component]
pub fn SelectionBar() -> impl IntoView {
    let c = Corrections::get();
    let root: NodeRef<leptos::html::Div> = NodeRef::new();
    Effect::new(move |_| {
        let selected = c.selected.get();
        let Some(el) = root.get() else { return };
        let el: web_sys::Element = el.into();
        el.set_text_content(None);
        let Some(selected) = selected else {
            let _ = el.set_attribute("hidden", "");
            return;
        };
        let _ = el.remove_attribute("hidden");
        if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
            // Through the CSSOM: the page's CSP refuses inline style attributes.
            let _ = html
                .style()
                .set_property("top", &format!("{}px", selected.top));
            let _ = html
                .style()
                .set_property("left", &format!("{}px", selected.left));
        }
        let dom = Dom::new();
        let picking = c.picking.with(Option::is_some);
        let title = if picking { "Said by “" } else { "“" };
        dom.text(
            &el,
            "p",
            "popup-title",
            &format!("{title}{}”", short(&selected.target.text)),
        );
        if selected.keyboard {
            dom.text(&el, "p", "popup-note", "Enter: choose here · Esc: close");
        }
        if picking {
            // Choosing a quote's speaker: these words are who said it.
            let row = dom.el(&el, "div", "popup-row");
            Dom::attr(
                &dom.button(&row, "Set as the speaker", ""),
                "id",
                "set-speaker-here",
            );
            Dom::attr(&dom.button(&row, "Close", "link"), "id", "selection-close");
            return;
        }
        let row = dom.el(&el, "div", "popup-row");
        let types: Vec<(String, String)> = crate::corrections::NAME_LABELS
            .iter()
            .map(|l| (l.to_string(), super::mark_menu::singular(l).to_string()))
            .collect();
        dom.select(&row, "Type ", "add-label", &types, "PER");
        let every = dom.input(&row, " every occurrence", "add-everywhere", "checkbox", "");
        let _ = every.parent_element().map(|l| l.set_class_name("toggle"));
        let row = dom.el(&el, "div", "popup-row");
        Dom::attr(&dom.button(&row, "Mark as a name", ""), "id", "add-name");
        Dom::attr(
            &dom.button(&row, "Mark as a quote", "secondary"),
            "id",
            "add-quote",
        );
        Dom::attr(&dom.button(&row, "Close", "link"), "id", "selection-close");
    });
    let on_click = move |ev: web_sys::MouseEvent| {
        let (Some(button), Some(root)) = (
            target_of(&ev).and_then(|t| t.closest("button").ok().flatten()),
            root.get_untracked(),
        ) else {
            return;
        };
        let root: web_sys::Element = root.into();
        let Some(target) = c
            .selected
            .with_untracked(|s| s.as_ref().map(|s| s.target.clone()))
        else {
            return;
        };
        let change = match button.id().as_str() {
            "add-name" => Change::AddName(value_in(&root, "add-label")),
            "add-quote" => Change::AddQuote,
            "set-speaker-here" => {
                let Some(quote) = c.picking.get_untracked() else {
                    return;
                };
                return c.make(Correction {
                    target: quote,
                    change: Change::Speaker(target),
                    scope: Scope::One,
                });
            }
            _ => return c.selected.set(None),
        };
        let scope = if value_in(&root, "add-everywhere") == "true" {
            Scope::SameText
        } else {
            Scope::One
        };
        c.make(Correction {
            target,
            change,
            scope,
        });
    };
    view! {
        <div id="selection-bar" class="popup selection-bar" role="dialog" aria-label="Mark the selected words"
            hidden node_ref=root on:click=on_click
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Escape" {
                    c.selected.set(None);
                    super::dom::restore_focus();
                }
            }></div>
    }
}

/// At most about 40 characters of `s`.
pub fn short(s: &str) -> String {
    if s.chars().count() <= 40 {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(40).collect::<String>())
    }
}

/// Moves the focus into the selection bar when it is up. False when it is not.
pub fn focus_selection_bar() -> bool {
    let Some(bar) = document().get_element_by_id("selection-bar") else {
        return false;
    };
    !bar.has_attribute("hidden") && super::dom::focus_first_control(&bar)
}
