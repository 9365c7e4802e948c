//! The timeline panel: the article's dated events in calendar order, grouped by day, with the
//! reference date the relative dates resolve against (and a picker to change it).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::entities::Selection;
use super::flash;
use crate::analysis::{Analysis, Date, Options};

/// The event whose card is highlighted (set by clicking a time expression in the article).
#[derive(Clone, Copy)]
pub struct HighlightedEvent(pub RwSignal<Option<usize>>);

/// Event cards listed before "Show all": far more than any article's timeline.
const EVENTS_SHOWN: usize = 150;

/// The panel.
#[component]
pub fn TimelinePanel(
    /// The current analysis.
    analysis: ReadSignal<Analysis>,
    /// The reader's options: the reference-date picker writes them.
    options: RwSignal<Options>,
    /// The highlighted card.
    highlighted: HighlightedEvent,
    /// A participant chip selects its entity.
    selection: Selection,
) -> impl IntoView {
    let HighlightedEvent(highlighted) = highlighted;
    let Selection(selected) = selection;
    // Only events with this participant (a cluster id), when set.
    let filter = RwSignal::new(None::<usize>);
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
    // A long text's timeline shows its first events until asked for all.
    let show_all = RwSignal::new(false);
    let cards = move || {
        let only = filter.get();
        let cap = if show_all.get() {
            usize::MAX
        } else {
            EVENTS_SHOWN
        };
        analysis.with(|a| {
            let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
            let mut listed = 0;
            for (i, e) in a.events.iter().enumerate() {
                if only.is_some_and(|c| !e.participants.contains(&c)) {
                    continue;
                }
                listed += 1;
                if listed > cap {
                    continue;
                }
                let head = crate::export::display_date(&e.date);
                match groups.last_mut() {
                    Some((h, list)) if *h == head => list.push(i),
                    _ => groups.push((head, vec![i])),
                }
            }
            groups
                .into_iter()
                .map(|(head, list)| {
                    let items = list
                        .into_iter()
                        .map(|i| {
                            let e = &a.events[i];
                            let sentence = e.sentence;
                            let chips = e
                                .participants
                                .iter()
                                .filter_map(|&c| a.clusters.get(c).map(|cl| (c, cl.name.clone(), cl.label.clone())))
                                .map(|(c, name, label)| {
                                    view! {
                                        <button type="button" class="chip" data-label=label
                                            aria-pressed=move || (filter.get() == Some(c)).to_string()
                                            on:click=move |ev| {
                                                ev.stop_propagation();
                                                filter.update(|f| *f = if *f == Some(c) { None } else { Some(c) });
                                                selected.set(Some(c));
                                            }>{name}</button>
                                    }
                                })
                                .collect_view();
                            // The other sentences that state the same event, each a link.
                            let restated = (!e.restated_in.is_empty()).then(|| {
                                let links = e
                                    .restated_in
                                    .iter()
                                    .enumerate()
                                    .map(|(n, &s)| {
                                        view! {
                                            <button type="button" class="link restated-link"
                                                on:click=move |ev| {
                                                    ev.stop_propagation();
                                                    flash(&format!("[data-sentence=\"{s}\"]"));
                                                }>{format!("{}", n + 1)}</button>
                                        }
                                    })
                                    .collect_view();
                                view! { <span>"Stated again:"</span>{links} }
                            });
                            let open = move || flash(&format!("[data-sentence=\"{sentence}\"]"));
                            view! {
                                <li class="event" tabindex="0" data-event=i.to_string()
                                    data-sentence-ref=sentence.to_string()
                                    class:highlighted=move || highlighted.get() == Some(i)
                                    on:click=move |_| open()
                                    on:keydown=move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
                                        "Enter" | " " => { ev.prevent_default(); open() }
                                        "ArrowDown" | "ArrowUp" => { ev.prevent_default(); step_focus(&ev, ev.key() == "ArrowDown") }
                                        _ => {}
                                    }>
                                    <div class="event-date">{e.date.clone()}</div>
                                    <div class="event-label">{e.label.clone()}</div>
                                    <div class="chips">{chips}</div>
                                    {restated.map(|r| view! { <div class="event-restated">{r}</div> })}
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <li class="day">
                            <h3 class="day-head">{head}</h3>
                            <ol class="events">{items}</ol>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="timeline">
            <div class="reference">
                <label for="reference-date">"Reference date"</label>
                <input id="reference-date" type="date" prop:value=move || reference().0 on:change=on_date />
                <button type="button" class="link" hidden=move || !given()
                    on:click=move |_| options.update(|o| o.reference_date = None)>"Reset"</button>
                <p class="reference-why">{move || reference().1}</p>
            </div>
            <div class="filter" hidden=move || filter.get().is_none()>
                {move || filter.get().and_then(|c| analysis.with(|a| a.clusters.get(c).map(|c| c.name.clone()))).map(|n| format!("Only events with {n}"))}
                <button type="button" class="link" on:click=move |_| filter.set(None)>"× Show all"</button>
            </div>
            <ol id="timeline" class="days">{cards}</ol>
            {move || {
                let total = analysis.with(|a| a.events.len());
                (total > EVENTS_SHOWN && !show_all.get()).then(|| view! {
                    <button type="button" class="link show-all" on:click=move |_| show_all.set(true)>
                        {format!("Show all {total} events")}
                    </button>
                })
            }}
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
