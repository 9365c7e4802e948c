//! The timeline panel: the articles' dated events on a time axis that runs down the panel, at a
//! zoom from decades to hours, with vague dates as bands, ranges as bars and undated references
//! in a lane of their own; each article in its own colour, with filters per article and per
//! participant, and a wide view for reading the timeline beside the article.

mod axis;
mod model;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::entities::Selection;
use crate::analysis::{Analysis, Date, Options};
use crate::reading::time_axis::{self, Zoom};
use model::{article_class, Filters};

/// The event whose card is highlighted (set by clicking a time expression in the article).
#[derive(Clone, Copy)]
pub struct HighlightedEvent(pub RwSignal<Option<usize>>);

/// Whether the timeline is shown wide, beside the article, in place of the input column.
#[derive(Clone, Copy)]
pub struct WideTimeline(pub RwSignal<bool>);

/// Dated cards drawn before "Show all": far more than any article's timeline.
const EVENTS_SHOWN: usize = 150;

/// Characters a card's label line holds, narrow and wide (on the safe side: a label that takes
/// fewer lines leaves a little room, one that needed more would be clamped).
const CHARS_PER_LINE: (usize, usize) = (26, 56);

/// The panel.
#[component]
pub fn TimelinePanel(
    /// The current analysis.
    analysis: ReadSignal<Analysis>,
    /// The analysed text, for the words each date is said in.
    text: ReadSignal<String>,
    /// The reader's options: the reference-date picker writes them.
    options: RwSignal<Options>,
    /// The highlighted card.
    highlighted: HighlightedEvent,
    /// A participant chip selects its entity.
    selection: Selection,
    /// The wide view's switch.
    wide: WideTimeline,
) -> impl IntoView {
    let WideTimeline(wide) = wide;
    let filters = RwSignal::new(Filters {
        participant: None,
        hidden_articles: Vec::new(),
        cap: EVENTS_SHOWN,
    });
    // The reader's zoom; `None` follows the article (`time_axis::fit`).
    let chosen_zoom = RwSignal::new(None::<Zoom>);
    // A new text starts with its own filters and zoom.
    // Only a filter that is set is cleared: a write would redraw the panel once more.
    Effect::new(move |_| {
        analysis.with(|a| a.text_length);
        if filters.with_untracked(|f| f.participant.is_some() || !f.hidden_articles.is_empty()) {
            filters.update(|f| {
                f.participant = None;
                f.hidden_articles.clear();
            });
        }
        if chosen_zoom.with_untracked(Option::is_some) {
            chosen_zoom.set(None);
        }
    });
    // The zoom that suits the article, before filters, so that filtering keeps the scale.
    let fitted = Memo::new(move |_| {
        let all = Filters {
            cap: EVENTS_SHOWN,
            ..Filters::default()
        };
        analysis.with(|a| {
            let items: Vec<_> = model::cards("", a, &all, CHARS_PER_LINE.0)
                .0
                .into_iter()
                .map(|(_, i)| i)
                .collect();
            time_axis::fit(&items)
        })
    });
    let zoom = move || chosen_zoom.get().unwrap_or_else(|| fitted.get());
    let drawn = Memo::new(move |_| {
        let cpl = if wide.get() {
            CHARS_PER_LINE.1
        } else {
            CHARS_PER_LINE.0
        };
        // The text arrives with its analysis: tracking the analysis alone draws once per result.
        let chosen = filters
            .with(|f| text.with_untracked(|t| analysis.with(|a| model::cards(t, a, f, cpl))));
        model::draw(chosen, zoom())
    });
    let step = move |finer: bool| {
        let z = untrack(zoom);
        if let Some(next) = if finer { z.finer() } else { z.coarser() } {
            chosen_zoom.set(Some(next));
        }
    };

    let reference = move || {
        analysis.with(|a| {
            a.articles
                .first()
                .map(|art| {
                    (
                        art.reference_date.clone().unwrap_or_default(),
                        art.reference_date_explanation.clone(),
                    )
                })
                .unwrap_or_default()
        })
    };
    let given = move || options.with(|o| o.reference_date.is_some());
    let on_date = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        options.update(|o| o.reference_date = value.parse::<Date>().ok());
    };
    let zoom_buttons = Zoom::ALL
        .into_iter()
        .map(|z| {
            view! {
                <button type="button" class="zoom-level" data-zoom=z.name().to_lowercase()
                    aria-pressed=move || (zoom() == z).to_string()
                    on:click=move |_| chosen_zoom.set(Some(z))>{z.name()}</button>
            }
        })
        .collect_view();
    view! {
        <div class="timeline">
            <div class="reference">
                <label for="reference-date">"Reference date"</label>
                <input id="reference-date" type="date" prop:value=move || reference().0 on:change=on_date />
                <button type="button" class="link" hidden=move || !given()
                    on:click=move |_| options.update(|o| o.reference_date = None)>"Reset"</button>
                <p class="reference-why">{move || reference().1}</p>
            </div>
            <div class="tl-controls">
                <div class="zoom" role="group" aria-label="Zoom">
                    <button type="button" id="zoom-out" class="zoom-step" aria-label="Zoom out"
                        title="Zoom out (−, or Ctrl + wheel)"
                        disabled=move || zoom().coarser().is_none()
                        on:click=move |_| step(false)>"−"</button>
                    {zoom_buttons}
                    <button type="button" id="zoom-in" class="zoom-step" aria-label="Zoom in"
                        title="Zoom in (+, or Ctrl + wheel)"
                        disabled=move || zoom().finer().is_none()
                        on:click=move |_| step(true)>"+"</button>
                </div>
                <button type="button" id="timeline-wide" class="secondary wide-toggle"
                    aria-pressed=move || wide.get().to_string()
                    on:click=move |_| wide.update(|w| *w = !*w)>
                    {move || if wide.get() { "Narrow view" } else { "Wide view" }}
                </button>
            </div>
            <ArticleFilter analysis=analysis filters=filters />
            <div class="filter" hidden=move || filters.with(|f| f.participant.is_none())>
                {move || {
                    filters
                        .with(|f| f.participant)
                        .and_then(|c| analysis.with(|a| a.clusters.get(c).map(|c| c.name.clone())))
                        .map(|n| format!("Only events with {n}"))
                }}
                <button type="button" class="link" on:click=move |_| filters.update(|f| f.participant = None)>
                    "× Show all"
                </button>
            </div>
            <axis::Axis drawn=drawn zoom=zoom step=step highlighted=highlighted
                filters=filters selection=selection />
            {move || {
                let total = analysis.with(|a| a.events.len());
                let capped = filters.with(|f| f.cap) < usize::MAX;
                (total > EVENTS_SHOWN && capped).then(|| view! {
                    <button type="button" class="link show-all"
                        on:click=move |_| filters.update(|f| f.cap = usize::MAX)>
                        {format!("Show all {total} events")}
                    </button>
                })
            }}
        </div>
    }
}

/// One switch per article, in its colour, when the paste holds more than one article with events.
#[component]
fn ArticleFilter(
    /// The current analysis.
    analysis: ReadSignal<Analysis>,
    /// The filters the switches write.
    filters: RwSignal<Filters>,
) -> impl IntoView {
    let articles = Memo::new(move |_| {
        analysis.with(|a| {
            let mut counts = vec![0usize; a.articles.len()];
            for e in &a.events {
                if let Some(n) = counts.get_mut(e.article) {
                    *n += 1;
                }
            }
            let with_events = counts.iter().filter(|&&n| n > 0).count();
            if with_events < 2 {
                return Vec::new();
            }
            counts
                .iter()
                .enumerate()
                .filter(|(_, &n)| n > 0)
                .map(|(i, &n)| {
                    let place = a.articles[i]
                        .dateline
                        .as_ref()
                        .map(|d| d.place.clone())
                        .unwrap_or_default();
                    (i, place, n)
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="article-filter" role="group" aria-label="Articles shown"
            hidden=move || articles.with(Vec::is_empty)>
            {move || articles.get().into_iter().map(|(i, place, n)| view! {
                <button type="button" class=format!("article-chip {}", article_class(i)) data-article=i.to_string()
                    aria-pressed=move || filters.with(|f| !f.hidden_articles.contains(&i)).to_string()
                    title="Show or hide this article’s events"
                    on:click=move |_| filters.update(|f| {
                        if let Some(k) = f.hidden_articles.iter().position(|&a| a == i) {
                            f.hidden_articles.remove(k);
                        } else {
                            f.hidden_articles.push(i);
                        }
                    })>
                    <span class="swatch" aria-hidden="true"></span>
                    {format!("Article {}", i + 1)}
                    {(!place.is_empty()).then(|| view! { <span class="article-place">{place.clone()}</span> })}
                    <span class="article-count">{n}</span>
                </button>
            }).collect_view()}
        </div>
    }
}

/// Moves keyboard focus to the next or previous event card.
fn step_focus(ev: &web_sys::KeyboardEvent, forward: bool) {
    let Some(current) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Ok(cards) = document().query_selector_all("#timeline .event") else {
        return;
    };
    let n = cards.length();
    let at = (0..n).find(|&i| {
        cards
            .item(i)
            .is_some_and(|c| c.is_same_node(Some(&current)))
    });
    let Some(at) = at else { return };
    let next = if forward {
        (at + 1).min(n - 1)
    } else {
        at.saturating_sub(1)
    };
    if let Some(el) = cards
        .item(next)
        .and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
