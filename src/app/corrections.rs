//! The reader's corrections in the page: the history (undo, redo), the strip that lists them,
//! and the bar that turns a selection into a missed name or quote.
//!
//! Corrections are data (`crate::corrections`). The page keeps them in a `History`, applies them
//! to each analysis the worker sends back (`corrected`), and the views, panels and exports read
//! only the corrected analysis.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
        if learned.is_some() {
            self.learned.set(learned);
        }
    }

    /// A new article: its corrections (none, or those saved with it).
    pub fn reset(self, done: Vec<Correction>) {
        self.history.set(History::new(done));
        self.menu.set(None);
        self.selected.set(None);
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
pub fn selection_target(text: &str, analysis: &Analysis) -> Option<Selected> {
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
    })
}

/// The strip above the article: how many corrections, undo and redo, and the list, with the
/// ones whose target is gone marked stale.
#[component]
pub fn CorrectionsStrip() -> impl IntoView {
    let c = Corrections::get();
    let history = c.history;
    let count = move || history.with(|h| h.done.len());
    let shown = move || history.with(|h| !h.done.is_empty() || !h.undone.is_empty());
    let stale = move || {
        c.outcomes
            .with(|o| o.iter().filter(|o| !o.is_applied()).count())
    };
    let items = move || {
        let outcomes = c.outcomes.get();
        history.with(|h| {
            h.done
                .iter()
                .enumerate()
                .map(|(k, correction)| {
                    let problem = outcomes.get(k).and_then(|o| match o {
                        Outcome::Stale { why } => Some(format!("Stale: {why}")),
                        Outcome::Invalid { why } => Some(format!("Refused: {why}")),
                        Outcome::Applied { .. } => None,
                    });
                    let class = if problem.is_some() {
                        "correction stale"
                    } else {
                        "correction"
                    };
                    view! {
                        <li class=class data-correction=k.to_string()>
                            <span class="what">{correction.describe()}</span>
                            {problem.map(|p| view! { <span class="why">{p}</span> })}
                            <button type="button" class="link" on:click=move |_| {
                                history.update(|h| {
                                    h.remove(k);
                                });
                            }>"Remove"</button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div id="corrections" class="corrections-strip" hidden=move || !shown()>
            <details>
                <summary>
                    {move || match count() {
                        1 => "1 correction of yours".to_string(),
                        n => format!("{n} corrections of yours"),
                    }}
                    {move || {
                        let n = stale();
                        (n > 0).then(|| view! { <span class="stale-count">{format!(" · {n} not applied")}</span> })
                    }}
                </summary>
                <ol class="correction-list">{items}</ol>
            </details>
            <button type="button" id="undo" class="secondary"
                disabled=move || history.with(|h| h.done.is_empty())
                on:click=move |_| { history.update(|h| { h.undo(); }); }>"Undo"</button>
            <button type="button" id="redo" class="secondary"
                disabled=move || history.with(|h| h.undone.is_empty())
                on:click=move |_| { history.update(|h| { h.redo(); }); }>"Redo"</button>
        </div>
    }
}

/// The bar over a selection in the article: mark it as a name (of a type, here or everywhere)
/// or as a quote.
#[component]
pub fn SelectionBar() -> impl IntoView {
    let c = Corrections::get();
    let label = RwSignal::new("PER".to_string());
    let everywhere = RwSignal::new(false);
    move || {
        let selected = c.selected.get()?;
        let target = selected.target.clone();
        let quote_target = target.clone();
        let (top, left) = (
            format!("{}px", selected.top),
            format!("{}px", selected.left),
        );
        Some(view! {
            <div id="selection-bar" class="popup selection-bar" role="dialog" aria-label="Mark the selected words" style:top=top style:left=left>
                <p class="popup-title">{format!("“{}”", short(&target.text))}</p>
                <div class="popup-row">
                    <label>
                        "Type "
                        <select id="add-label" on:change=move |ev| label.set(event_target_value(&ev))>
                            {name_options(&label.get_untracked())}
                        </select>
                    </label>
                    <label class="toggle">
                        <input type="checkbox" prop:checked=move || everywhere.get()
                            on:change=move |ev| everywhere.set(event_target_checked(&ev)) />
                        "every occurrence"
                    </label>
                </div>
                <div class="popup-row">
                    <button type="button" id="add-name" on:click=move |_| {
                        c.make(Correction {
                            target: target.clone(),
                            change: Change::AddName(label.get_untracked()),
                            scope: if everywhere.get_untracked() { Scope::SameText } else { Scope::One },
                        });
                    }>"Mark as a name"</button>
                    <button type="button" id="add-quote" class="secondary" on:click=move |_| {
                        c.make(Correction {
                            target: quote_target.clone(),
                            change: Change::AddQuote,
                            scope: Scope::One,
                        });
                    }>"Mark as a quote"</button>
                    <button type="button" class="link" on:click=move |_| c.selected.set(None)>"Close"</button>
                </div>
            </div>
        })
    }
}

/// `<option>`s for the four name types, `current` selected.
pub fn name_options(current: &str) -> impl IntoView {
    crate::corrections::NAME_LABELS
        .iter()
        .map(|l| {
            let name = super::entities::label_name(l).to_string();
            view! { <option value=*l selected=*l == current>{name}</option> }
        })
        .collect_view()
}

/// At most about 40 characters of `s`.
pub fn short(s: &str) -> String {
    if s.chars().count() <= 40 {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(40).collect::<String>())
    }
}
