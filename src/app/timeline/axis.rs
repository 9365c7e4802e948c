//! The time axis and its cards: ticks and breaks on a line down the left, a dot, band or bar per
//! event beside it in its article's colour, the cards to the right, and the undated lane below.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::model::{article_class, Card, Drawn, Filters};
use super::{step_focus, HighlightedEvent};
use crate::app::entities::Selection;
use crate::app::flash;
use crate::reading::time_axis::{Zoom, LANES};

/// The axis with its cards.
#[component]
pub fn Axis(
    /// What to draw.
    drawn: Memo<Drawn>,
    /// The zoom shown (for the axis's `data-zoom`).
    zoom: impl Fn() -> Zoom + Copy + Send + Sync + 'static,
    /// Zooms one step in (`true`) or out.
    step: impl Fn(bool) + Copy + Send + Sync + 'static,
    /// The highlighted card.
    highlighted: HighlightedEvent,
    /// The participant chips write the filter.
    filters: RwSignal<Filters>,
    /// A participant chip selects its entity.
    selection: Selection,
) -> impl IntoView {
    let root = NodeRef::<html::Div>::new();
    // Ctrl + wheel zooms. The listener is added by hand because it must not be passive: it
    // keeps the browser from zooming the page instead.
    Effect::new(move |_| {
        let Some(el) = root.get() else { return };
        let wheel = Closure::<dyn Fn(web_sys::WheelEvent)>::new(move |ev: web_sys::WheelEvent| {
            if ev.ctrl_key() && ev.delta_y() != 0.0 {
                ev.prevent_default();
                step(ev.delta_y() < 0.0);
            }
        });
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(false);
        let _ = el.add_event_listener_with_callback_and_add_event_listener_options(
            "wheel",
            wheel.as_ref().unchecked_ref(),
            &options,
        );
        // The element lives as long as the panel: the listener with it.
        wheel.forget();
    });
    let keys = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "+" | "=" => {
            ev.prevent_default();
            step(true)
        }
        "-" | "_" => {
            ev.prevent_default();
            step(false)
        }
        _ => {}
    };
    let ticks = move || {
        drawn.with(|d| {
            d.layout
                .ticks
                .iter()
                .map(|t| {
                    view! {
                        <div class="tick" class:major=t.major style:top=format!("{:.1}px", t.y)>
                            {t.label.clone().map(|l| view! { <span class="tick-label">{l}</span> })}
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let breaks = move || {
        drawn.with(|d| {
            d.layout
                .breaks
                .iter()
                .map(|b| {
                    view! {
                        <div class="axis-break" style:top=format!("{:.1}px", b.y) style:height=format!("{:.1}px", b.height)>
                            <span class="break-label">{b.label.clone()}</span>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let marks = move || {
        drawn.with(|d| {
            d.dated
                .iter()
                .zip(&d.layout.placed)
                .map(|(c, p)| {
                    let long = matches!(c.shape.as_str(), "band" | "range");
                    let height = if long {
                        (p.mark_bottom - p.mark_top).max(8.0)
                    } else {
                        0.0
                    };
                    let class = format!(
                        "mark mark-{} {} lane-{}",
                        c.shape,
                        article_class(c.article),
                        p.lane.min(LANES - 1)
                    );
                    view! {
                        <div class=class data-mark=c.event.to_string()
                            style:top=format!("{:.1}px", p.mark_top) style:height=format!("{height:.1}px")
                            aria-hidden="true"></div>
                    }
                })
                .collect_view()
        })
    };
    let dated = move || {
        drawn.with(|d| {
            d.dated
                .iter()
                .zip(&d.layout.placed)
                .map(|(c, p)| (c.clone(), p.top))
                .collect::<Vec<_>>()
        })
    };
    let undated = move || drawn.with(|d| d.undated.clone());
    // The lists are redrawn whole when the layout changes (a zoom moves every card): plain
    // views, not keyed `<For>`, whose diffing would add to the wasm for no gain here.
    view! {
        <div id="timeline" class="timeline-view" on:keydown=keys>
            <p class="timeline-empty" hidden=move || drawn.with(|d| d.passing > 0)>
                "No dated events to show."
            </p>
            <div node_ref=root class="axis" data-zoom=move || zoom().name().to_lowercase()
                data-unit=move || zoom().unit()
                hidden=move || drawn.with(|d| d.dated.is_empty())
                style:height=move || format!("{:.0}px", drawn.with(|d| d.layout.height))>
                <div class="axis-line" aria-hidden="true"></div>
                <div class="ticks" aria-hidden="true">{ticks}</div>
                <div class="breaks" aria-hidden="true">{breaks}</div>
                <div class="marks">{marks}</div>
                <ol class="cards" aria-label="Dated events, in calendar order">
                    {move || {
                        dated()
                            .into_iter()
                            .map(|(card, top)| view! {
                                <EventCard card=card top=Some(top) highlighted=highlighted filters=filters selection=selection />
                            })
                            .collect_view()
                    }}
                </ol>
            </div>
            <section class="undated-lane" hidden=move || drawn.with(|d| d.undated.is_empty())>
                <h3 class="lane-head">"No date given"</h3>
                <p class="lane-why">"Said to happen “earlier”, “recently” or “soon”, with no date."</p>
                <ol class="cards">
                    {move || {
                        undated()
                            .into_iter()
                            .map(|card| view! {
                                <EventCard card=card top=None highlighted=highlighted filters=filters selection=selection />
                            })
                            .collect_view()
                    }}
                </ol>
            </section>
        </div>
    }
}

/// One event's card: what happened, when it was said to happen, and who took part.
#[component]
fn EventCard(
    /// What to show.
    card: Card,
    /// Where on the axis; `None` in the undated lane.
    top: Option<f64>,
    /// The highlighted card.
    highlighted: HighlightedEvent,
    /// The participant chips write the filter.
    filters: RwSignal<Filters>,
    /// A participant chip selects its entity.
    selection: Selection,
) -> impl IntoView {
    let HighlightedEvent(highlighted) = highlighted;
    let Selection(selected) = selection;
    let i = card.event;
    let sentence = card.sentence;
    let open = move || flash(&format!("[data-sentence=\"{sentence}\"]"));
    let chips = card
        .chips
        .iter()
        .map(|(c, name, label)| {
            let c = *c;
            view! {
                <button type="button" class="chip" data-label=label.clone() data-cluster=c.to_string()
                    aria-pressed=move || filters.with(|f| f.participant == Some(c)).to_string()
                    title="Show only the events this one takes part in"
                    on:click=move |ev| {
                        ev.stop_propagation();
                        filters.update(|f| f.participant = if f.participant == Some(c) { None } else { Some(c) });
                        selected.set(Some(c));
                    }>{name.clone()}</button>
            }
        })
        .collect_view();
    let restated = (!card.restated.is_empty()).then(|| {
        let links = card
            .restated
            .iter()
            .enumerate()
            .map(|(n, &s)| {
                view! {
                    <button type="button" class="link restated-link"
                        aria-label=format!("Stated again, place {}", n + 1)
                        on:click=move |ev| {
                            ev.stop_propagation();
                            flash(&format!("[data-sentence=\"{s}\"]"));
                        }>{format!("{}", n + 1)}</button>
                }
            })
            .collect_view();
        view! { <div class="event-restated"><span>"Stated again:"</span>{links}</div> }
    });
    let label = card
        .parts
        .iter()
        .map(|(text, filled)| {
            if *filled {
                let shown = if text.starts_with('[') {
                    text.clone()
                } else {
                    format!("[{text}]")
                };
                view! { <span class="filled" title="Filled in for a pronoun">{shown}</span> }
                    .into_any()
            } else {
                text.clone().into_any()
            }
        })
        .collect_view();
    let shape_name = match card.shape.as_str() {
        "band" => "Vague or long: drawn as a band",
        "range" => "From one date to another: drawn as a bar",
        "undated" => "No date given",
        _ => "A day or a time",
    };
    let class = format!("event {} lines-{}", article_class(card.article), card.lines);
    view! {
        <li class=class tabindex="0" data-event=i.to_string() data-shape=card.shape.clone()
            data-article=card.article.to_string() data-sentence-ref=sentence.to_string()
            style:top=top.map(|t| format!("{t:.1}px"))
            class:highlighted=move || highlighted.get() == Some(i)
            on:click=move |_| open()
            on:keydown=move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
                "Enter" | " " => { ev.prevent_default(); open() }
                "ArrowDown" | "ArrowUp" => { ev.prevent_default(); step_focus(&ev, ev.key() == "ArrowDown") }
                _ => {}
            }>
            <div class="event-head">
                <span class=format!("shape-icon shape-{}", card.shape) title=shape_name></span>
                <span class="event-when">{card.said.clone()}</span>
                <span class="event-date">{card.value.clone()}</span>
            </div>
            <div class="event-label" class:cut=card.cut>{label}</div>
            {(!card.chips.is_empty()).then(|| view! { <div class="chips">{chips}</div> })}
            {restated}
        </li>
    }
}
