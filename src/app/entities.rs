//! The entity index: who and what the article names, grouped by type, with a legend that toggles
//! each type's highlight and a stepper through the selected entity's mentions.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::analysis::Analysis;

/// The selected entity cluster, shared by the index and the reader.
#[derive(Clone, Copy)]
pub struct Selection(pub RwSignal<Option<usize>>);

/// Entity types whose highlights the reader has switched off.
#[derive(Clone, Copy)]
pub struct HiddenLabels(pub RwSignal<Vec<String>>);

/// The types in the order the index lists them, with the names readers see.
pub const LABELS: &[(&str, &str)] = &[
    ("PER", "People"),
    ("ORG", "Organisations"),
    ("LOC", "Places"),
    ("MISC", "Other names"),
    ("MONEY", "Money"),
    ("PERCENT", "Percentages"),
    ("QUANTITY", "Quantities"),
    ("CARDINAL", "Numbers"),
    ("ORDINAL", "Ordinals"),
];

/// The reader-facing name of a type.
pub fn label_name(label: &str) -> &str {
    LABELS
        .iter()
        .find(|(l, _)| *l == label)
        .map_or(label, |(_, name)| name)
}

/// One row of the index.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    cluster: usize,
    name: String,
    /// The title the article gives them: `U.S. Secretary of State`.
    role: Option<String>,
    body: usize,
    captions: usize,
    /// The cluster's first mention, which the correction menu opens on.
    first: usize,
}

/// The index panel.
#[component]
pub fn EntityPanel(
    /// The current analysis.
    analysis: ReadSignal<Analysis>,
    /// Written when a row is clicked.
    selection: Selection,
    /// Written by the legend.
    hidden: HiddenLabels,
) -> impl IntoView {
    let Selection(selected) = selection;
    let HiddenLabels(hidden) = hidden;
    let fixes = super::corrections::Corrections::get();
    // Rows by type. Mentions in captions are counted apart, so repeated captions don't inflate
    // the body's counts.
    let groups = Memo::new(move |_| {
        analysis.with(|a| {
            LABELS
                .iter()
                .filter_map(|&(label, _)| {
                    let mut rows: Vec<Row> = a
                        .clusters
                        .iter()
                        .filter(|c| c.label == label)
                        .map(|c| Row {
                            cluster: c.id,
                            name: c.name.clone(),
                            role: c.role.clone(),
                            body: c.body_count,
                            captions: c.count - c.body_count,
                            first: c.mentions.first().copied().unwrap_or_default(),
                        })
                        .collect();
                    rows.sort_by(|x, y| {
                        (y.body, y.captions)
                            .cmp(&(x.body, x.captions))
                            .then(x.name.cmp(&y.name))
                    });
                    (!rows.is_empty()).then_some((label, rows))
                })
                .collect::<Vec<_>>()
        })
    });
    // The legend lists every type present, numbers included (they have no clusters).
    let present = Memo::new(move |_| {
        analysis.with(|a| {
            LABELS
                .iter()
                .map(|(l, _)| *l)
                .filter(|l| a.entities.iter().any(|e| e.label == *l))
                .collect::<Vec<_>>()
        })
    });
    let legend = move || {
        present.with(|labels| {
            labels
                .iter()
                .map(|label| {
                    let label = label.to_string();
                    let on = {
                        let label = label.clone();
                        move || !hidden.with(|h| h.contains(&label))
                    };
                    let toggle = {
                        let label = label.clone();
                        move |_| {
                            hidden.update(|h| match h.iter().position(|l| *l == label) {
                                Some(i) => {
                                    h.remove(i);
                                }
                                None => h.push(label.clone()),
                            })
                        }
                    };
                    view! {
                        <button type="button" class="legend-item" data-label=label.clone()
                            aria-pressed=move || on().to_string() on:click=toggle>
                            <span class="swatch" aria-hidden="true"></span>
                            {label_name(&label).to_string()}
                        </button>
                    }
                })
                .collect_view()
        })
    };
    let index = move || {
        groups.with(|groups| {
            groups
                .iter()
                .map(|(label, rows)| {
                    let items = rows
                        .iter()
                        .map(|row| {
                            let cluster = row.cluster;
                            let captions = (row.captions > 0)
                                .then(|| format!("+{} in captions", row.captions));
                            view! {
                                <li>
                                    <button type="button" class="entity-row" data-cluster=cluster.to_string()
                                        aria-pressed=move || (selected.get() == Some(cluster)).to_string()
                                        on:click=move |_| selected.update(|s| {
                                            *s = if *s == Some(cluster) { None } else { Some(cluster) }
                                        })>
                                        <span class="entity-name">
                                            {row.name.clone()}
                                            {row.role.clone().map(|r| view! { <span class="entity-role">{r}</span> })}
                                        </span>
                                        <span class="entity-count">{row.body}</span>
                                        {captions.map(|c| view! { <span class="entity-captions">{c}</span> })}
                                    </button>
                                    <button type="button" class="link entity-fix" data-entity=row.first.to_string()
                                        aria-label=format!("Correct “{}”", row.name) title="Correct this name">"✎"</button>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <section class="entity-group" data-label=label.to_string()>
                            <h3>{label_name(label).to_string()}</h3>
                            <ul>{items}</ul>
                        </section>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="entities">
            <div class="legend" role="group" aria-label="Highlight types">{legend}</div>
            <MentionStepper analysis=analysis selection=selection />
            <div id="entity-index" class="entity-index" on:click=move |ev| {
                // A row's pencil opens the correction menu on the cluster's first mention.
                use wasm_bindgen::JsCast;
                let fix = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|t| t.closest(".entity-fix").ok().flatten());
                if let Some(fix) = fix {
                    super::mark_menu::open_at(fixes, &fix, false);
                }
            }>{index}</div>
        </div>
    }
}

/// Steps through the selected entity's mentions in the article: buttons, and the `n`/`p` keys.
#[component]
fn MentionStepper(
    /// For the selected cluster's name.
    analysis: ReadSignal<Analysis>,
    /// The selected cluster.
    selection: Selection,
) -> impl IntoView {
    let Selection(selected) = selection;
    // Which mention (0-based) is current; reset when the selection changes.
    let current = RwSignal::new(None::<usize>);
    let total = RwSignal::new(0usize);
    // Mark the selected cluster's mentions in the reader. This syncs with the DOM, which the
    // reader renders, so it is an Effect; it also re-runs after each new analysis.
    Effect::new(move |previous: Option<Option<usize>>| {
        let cluster = selected.get();
        analysis.track();
        let n = mark_mentions(cluster);
        total.set(n);
        // A new selection jumps to its first mention, so "next" goes to the second. A new
        // analysis of the same selection keeps the reader where it is.
        if previous != Some(cluster) {
            if cluster.is_some() && n > 0 {
                current.set(Some(0));
                focus_mention(0);
            } else {
                current.set(None);
            }
        } else {
            current.set(None);
        }
        cluster
    });
    let step = move |forward: bool| {
        let n = total.get_untracked();
        if n == 0 {
            return;
        }
        let next = match (current.get_untracked(), forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        current.set(Some(next));
        focus_mention(next);
    };
    let keys = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT"));
        if typing
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.alt_key()
            || selected.get_untracked().is_none()
        {
            return;
        }
        match ev.key().as_str() {
            "n" | "j" => step(true),
            "p" | "k" => step(false),
            "Escape" => selected.set(None),
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());
    let name = move || {
        selected
            .get()
            .and_then(|c| analysis.with(|a| a.clusters.get(c).map(|c| c.name.clone())))
    };
    view! {
        <div class="stepper" hidden=move || selected.get().is_none()>
            <span class="stepper-name">{name}</span>
            <span class="stepper-pos" id="mention-position">
                {move || match current.get() {
                    Some(i) => format!("{} of {}", i + 1, total.get()),
                    None => format!("{} in the text", total.get()),
                }}
            </span>
            <button type="button" id="mention-prev" class="secondary" title="Previous mention (p)"
                on:click=move |_| step(false)>"‹ Prev"</button>
            <button type="button" id="mention-next" class="secondary" title="Next mention (n)"
                on:click=move |_| step(true)>"Next ›"</button>
            <button type="button" class="link stepper-clear" title="Clear (Esc)"
                on:click=move |_| selected.set(None)>"×"</button>
        </div>
    }
}

/// Marks every mention of `cluster` in the reader (and unmarks the rest); returns how many
/// distinct mentions are on screen.
fn mark_mentions(cluster: Option<usize>) -> usize {
    let doc = document();
    if let Ok(old) = doc.query_selector_all("mark.ent.selected, mark.ent.current") {
        for i in 0..old.length() {
            if let Some(el) = old
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.class_list().remove_2("selected", "current");
            }
        }
    }
    let Some(cluster) = cluster else { return 0 };
    mentions(cluster)
        .iter()
        .inspect(|el| {
            let _ = el.class_list().add_1("selected");
        })
        .count()
}

/// The first element of each distinct mention of `cluster` on screen, in reading order.
fn mentions(cluster: usize) -> Vec<web_sys::Element> {
    let mut out: Vec<web_sys::Element> = Vec::new();
    let Ok(list) = document().query_selector_all(&format!("mark.ent[data-cluster=\"{cluster}\"]"))
    else {
        return out;
    };
    let mut last_entity = None;
    for i in 0..list.length() {
        if let Some(el) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            let entity = el.get_attribute("data-entity");
            if entity != last_entity {
                last_entity = entity;
                out.push(el);
            }
        }
    }
    out
}

/// Scrolls to the `n`th mention of the selected cluster and marks it current.
fn focus_mention(n: usize) {
    let Ok(Some(first)) = document().query_selector("mark.ent.selected") else {
        return;
    };
    let Some(cluster) = first
        .get_attribute("data-cluster")
        .and_then(|c| c.parse().ok())
    else {
        return;
    };
    let all = mentions(cluster);
    for el in &all {
        let _ = el.class_list().remove_1("current");
    }
    if let Some(el) = all.get(n) {
        let _ = el.class_list().add_1("current");
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_behavior(web_sys::ScrollBehavior::Smooth);
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
