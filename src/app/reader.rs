//! The reading view: the articles, their paragraphs and addressable sentences, with caption runs
//! and runs of page furniture folded into strips (or everything as pasted, in raw mode). A new text
//! opens on its story: when the story's headline (or first paragraph) is below the first screen,
//! the view scrolls it to the top.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::entities::{label_name, HiddenLabels};
use super::Text;
use crate::analysis::Analysis;
use std::sync::Arc;

use crate::reading::{Block, CaptionRun, Piece, ReadingArticle, ReadingParagraph, Run};

/// The article column.
#[component]
pub fn Reader(
    /// The reading model of the current analysis.
    reading: ReadSignal<Vec<ReadingArticle>>,
    /// The current analysis, for labels and caption groups.
    analysis: ReadSignal<Analysis>,
    /// The analysed text; the empty state's buttons write it.
    text: Text,
    /// The analysis in flight, if any: while the first one runs, the reader says so instead of
    /// inviting a paste.
    busy: ReadSignal<Option<super::Busy>>,
    /// Entity types whose highlights are switched off.
    hidden: HiddenLabels,
    /// The raw-paste view: every paragraph as pasted, nothing folded.
    raw: RwSignal<bool>,
    /// Called with a time expression's index when the reader clicks it.
    #[prop(into)]
    on_timex: Callback<usize>,
    /// Called with a quote's index when the reader clicks it.
    #[prop(into)]
    on_quote: Callback<usize>,
) -> impl IntoView {
    let Text(text) = text;
    let HiddenLabels(hidden) = hidden;
    let fixes = super::corrections::Corrections::get();
    let super::Preview(preview) = expect_context::<super::Preview>();
    let class = move || {
        hidden.with(|h| {
            h.iter()
                .fold(String::from("reader"), |acc, label| acc + " hide-" + label)
        })
    };
    // Long texts render in chunks, a few per task, so the page never freezes: the first chunks at
    // once, the rest on later turns of the event loop (see `budget`).
    let budget = budget::install();
    let articles = move || {
        let raw = raw.get();
        let mut next_chunk = 0;
        let view = reading.with(|articles| {
            let chunks = articles
                .iter()
                .map(|a| {
                    if raw {
                        a.paragraphs.len()
                    } else {
                        a.blocks.len()
                    }
                })
                .map(|blocks| blocks.div_ceil(CHUNK_BLOCKS))
                .sum();
            let first = budget::first_chunks(chunks);
            let view = analysis.with(|a| {
                articles
                    .iter()
                    .map(|article| {
                        let chunk = Chunking {
                            first,
                            next: &mut next_chunk,
                        };
                        article_view(article, a, raw, analysis, budget, chunk)
                    })
                    .collect_view()
            });
            budget::start(budget, chunks, first);
            view
        });
        view
    };
    // A new text opens on its story. Only a new text: a new reference date re-analyses the same
    // text, and the reader's place must stay.
    let scrolled_for = StoredValue::new(None::<u64>);
    Effect::new(move |_| {
        reading.track();
        let Some(target) = analysis.with_untracked(|a| {
            crate::export::story_start(a).map(|(headline, body)| headline.unwrap_or(body))
        }) else {
            return;
        };
        let current = text.with_untracked(|t| {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            t.hash(&mut h);
            h.finish()
        });
        if scrolled_for.get_value() == Some(current) {
            return;
        }
        scrolled_for.set_value(Some(current));
        // After this turn's render.
        set_timeout(move || open_on(target), std::time::Duration::ZERO);
    });
    // Words selected in the article: offer them as a missed name or quote.
    let offer_selection = move |keyboard: bool| {
        let found = text.with_untracked(|t| {
            analysis.with_untracked(|a| super::corrections::selection_target(t, a, keyboard))
        });
        if found.is_some() {
            fixes.menu.set(None);
        }
        if fixes.selected.with_untracked(|s| *s != found) {
            fixes.selected.set(found);
        }
    };
    // A selection made or changed with the keyboard (Shift and the arrows, Home, End, the page
    // keys; Ctrl+A) is offered as one made with the mouse. The keys go to whatever has the focus,
    // often the page itself after a click, so this listens on the window; it leaves alone keys
    // pressed in a field or a popup (the bar would be rebuilt under the reader's focus).
    let keys = window_event_listener(leptos::ev::keyup, move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        let moves = key == "Shift"
            || (ev.shift_key()
                && (key.starts_with("Arrow")
                    || key.starts_with("Page")
                    || key == "Home"
                    || key == "End"))
            || ((ev.ctrl_key() || ev.meta_key()) && key.eq_ignore_ascii_case("a"));
        let elsewhere = document().active_element().is_some_and(|a| {
            a.matches("input, textarea, select, button, [contenteditable], .popup *")
                .unwrap_or(false)
        });
        if moves && !elsewhere {
            offer_selection(true);
        }
    });
    // After a mouse selection the focus is on the page itself, not in the article: Enter there
    // moves into the bar too (in the article, the article's own keydown does it first).
    let enter = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        let on_page = document()
            .active_element()
            .is_none_or(|a| a.tag_name().eq_ignore_ascii_case("body"));
        if ev.key() == "Enter" && on_page && super::corrections::focus_selection_bar() {
            ev.prevent_default();
        }
    });
    on_cleanup(move || {
        keys.remove();
        enter.remove();
    });
    view! {
        <section id="reader" class=class aria-label="Article"
            on:click=move |ev| {
                // One listener for the whole article: a time expression leads to its timeline
                // card, else a quote to its speaker's entry; and the mark's menu opens, unless
                // words are being selected.
                let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                let index_of = |attribute: &str| {
                    target
                        .as_ref()
                        .and_then(|el| el.closest(&format!("[{attribute}]")).ok().flatten())
                        .and_then(|el| el.get_attribute(attribute))
                        .and_then(|t| t.parse::<usize>().ok())
                };
                if let Some(t) = index_of("data-timex") {
                    on_timex.run(t);
                } else if let Some(q) = index_of("data-quote") {
                    on_quote.run(q);
                }
                let selecting = window()
                    .get_selection()
                    .ok()
                    .flatten()
                    .is_some_and(|s| !s.is_collapsed());
                if let (Some(el), false) = (target, selecting) {
                    super::mark_menu::open_at(fixes, &el, false);
                }
            }
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                // Enter with words selected moves into the selection bar; else Enter or Space on
                // a focused mark opens its menu.
                if ev.key() != "Enter" && ev.key() != " " {
                    return;
                }
                if ev.key() == "Enter" && super::corrections::focus_selection_bar() {
                    ev.prevent_default();
                    return;
                }
                let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
                    return;
                };
                if el.matches("[data-entity], [data-quote], [data-timex]").unwrap_or(false) {
                    ev.prevent_default();
                    super::mark_menu::open_at(fixes, &el, true);
                }
            }
            on:mouseup=move |_| offer_selection(false)
        >
            {move || {
                // A new article's first screen, plain, until its analysis is on screen: no
                // marks, no paragraph numbers, so nothing in it can be selected for a correction
                // against the old article's analysis.
                if let Some(lines) = preview.get() {
                    return view! {
                        <div class="reader-preview" aria-busy="true">
                            {lines.into_iter().map(|l| view! { <p class="para">{l}</p> }).collect_view()}
                        </div>
                    }
                    .into_any();
                }
                if reading.with(|r| r.iter().all(|a| a.paragraphs.is_empty())) {
                    if busy.with(Option::is_some) {
                        view! { <p class="reader-loading">"Reading the article…"</p> }.into_any()
                    } else {
                        view! { <EmptyState text=text /> }.into_any()
                    }
                } else {
                    view! {
                        <div class="reader-tools">
                            <label class="toggle">
                                <input
                                    id="raw-toggle"
                                    type="checkbox"
                                    prop:checked=move || raw.get()
                                    on:change=move |ev| raw.set(event_target_checked(&ev))
                                />
                                "Show the raw paste"
                            </label>
                        </div>
                        {articles}
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

/// Scrolls paragraph `index` to the top of the view when it is not on the first screen already.
fn open_on(index: usize) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(el) = window.document().and_then(|d| {
        d.query_selector(&format!("#reader [data-paragraph=\"{index}\"]"))
            .ok()
            .flatten()
    }) else {
        return;
    };
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    let rect = el.get_bounding_client_rect();
    if rect.top() >= 0.0 && rect.bottom() <= height * 0.8 {
        return;
    }
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// What the reader sees before any text is in.
#[component]
fn EmptyState(
    /// Written by the "sample" button.
    text: RwSignal<String>,
) -> impl IntoView {
    let fixes = super::corrections::Corrections::get();
    view! {
        <div class="empty">
            <div class="empty-mark" aria-hidden="true">"¶"</div>
            <h2>"Nothing to read yet"</h2>
            <p>
                "Paste a news article anywhere on this page, drop a text file on it, or open one. "
                "Lede splits it into articles, paragraphs and sentences, all in your browser."
            </p>
            <button type="button" on:click=move |_| {
                fixes.reset(Vec::new());
                text.set(crate::SAMPLE_ARTICLE.to_string())
            }>
                "Try the sample article"
            </button>
        </div>
    }
}

/// How many blocks (paragraphs or caption strips) one chunk of the article view holds: small
/// enough that rendering one stays well under the 50 ms a page may hold its main thread (the
/// sample's first article, about 40 blocks, is ~25 ms), large enough that an article of the sample
/// is one chunk.
const CHUNK_BLOCKS: usize = 40;

/// Where an article's chunks fall in the whole text's: the number of its first, and how many
/// chunks render with the result itself.
struct Chunking<'a> {
    first: usize,
    next: &'a mut usize,
}

fn article_view(
    article: &ReadingArticle,
    analysis: &Analysis,
    raw: bool,
    analysis_signal: ReadSignal<Analysis>,
    budget: RwSignal<usize>,
    chunking: Chunking,
) -> impl IntoView {
    let label = match &article.place {
        Some(place) => format!("Article {} · {}", article.index + 1, place),
        None => format!("Article {}", article.index + 1),
    };
    let blocks: Vec<Block> = if raw {
        article
            .paragraphs
            .iter()
            .cloned()
            .map(Block::Paragraph)
            .collect()
    } else {
        article.blocks.clone()
    };
    let first_chunk = *chunking.next;
    let chunks: Vec<Vec<Block>> = blocks.chunks(CHUNK_BLOCKS).map(<[Block]>::to_vec).collect();
    *chunking.next += chunks.len();
    let chunks = chunks
        .into_iter()
        .enumerate()
        .map(|(k, chunk)| {
            let number = first_chunk + k;
            if number < chunking.first {
                return view! { <div class="chunk">{blocks_view(&chunk, analysis)}</div> }.into_any();
            }
            // Rendered once, when the budget reaches it; the memo changes only that once.
            let due = Memo::new(move |_| budget.get() > number);
            let placeholder = chunk.len();
            view! {
                <div class="chunk" data-chunk=number.to_string()>
                    {move || {
                        if due.get() {
                            analysis_signal.with_untracked(|a| blocks_view(&chunk, a)).into_any()
                        } else {
                            view! {
                                <p class="chunk-pending">{format!("{placeholder} more paragraphs…")}</p>
                            }
                            .into_any()
                        }
                    }}
                </div>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <article class="article" data-article=article.index.to_string()>
            <div class="article-label">{label}</div>
            {chunks}
        </article>
    }
}

fn blocks_view(blocks: &[Block], analysis: &Analysis) -> AnyView {
    blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(p) => paragraph_view(p, analysis).into_any(),
            Block::Captions(run) => view! { <CaptionStrip run=Arc::clone(run) /> }.into_any(),
            Block::Furniture(run) => view! { <FurnitureStrip run=Arc::clone(run) /> }.into_any(),
        })
        .collect_view()
        .into_any()
}

/// The article view's render budget: how many chunks may be in the DOM. It restarts low with
/// each new result and grows by one chunk per task until the whole text is shown; a jump to a
/// place not yet rendered (`render_all`) lifts it at once.
pub mod budget {
    use std::cell::Cell;
    use std::time::Duration;

    use leptos::prelude::*;

    /// Chunks rendered with the result itself, before the first pause: the first, which holds
    /// more than a screen. The rest follow a task each, so a long text's first task stays well
    /// under 50 ms (two chunks and the placeholders of a hundred more took ~45 ms of CPU on the
    /// shared machine). The sample's second article waits one task too: rendered with the first,
    /// it held a cold load's first view back by ~35 ms (issue 16).
    const FIRST_CHUNKS: usize = 1;

    /// How many of a text's `chunks` render with the result itself.
    pub fn first_chunks(chunks: usize) -> usize {
        chunks.min(FIRST_CHUNKS)
    }

    thread_local! {
        static BUDGET: Cell<Option<RwSignal<usize>>> = const { Cell::new(None) };
        static TARGET: Cell<usize> = const { Cell::new(0) };
    }

    /// The budget signal, registered so that `render_all` can reach it.
    pub fn install() -> RwSignal<usize> {
        let budget = RwSignal::new(FIRST_CHUNKS);
        BUDGET.with(|b| b.set(Some(budget)));
        budget
    }

    /// Starts growing the budget from `first` towards `chunks` for a freshly rendered result.
    pub fn start(budget: RwSignal<usize>, chunks: usize, first: usize) {
        budget.set(first);
        TARGET.with(|t| t.set(chunks));
        if chunks > first {
            grow(budget);
        }
    }

    fn grow(budget: RwSignal<usize>) {
        set_timeout(
            move || {
                let target = TARGET.with(Cell::get);
                let now = budget.get_untracked();
                if now < target {
                    budget.set(now + 1);
                    grow(budget);
                }
            },
            Duration::ZERO,
        );
    }

    /// Renders every chunk now; returns whether anything was still pending.
    pub fn render_all() -> bool {
        let Some(budget) = BUDGET.with(Cell::get) else {
            return false;
        };
        let target = TARGET.with(Cell::get);
        let pending = budget.get_untracked() < target;
        if pending {
            budget.set(target);
        }
        pending
    }
}

/// A run of photo captions, folded into one line that expands to the distinct captions.
#[component]
fn CaptionStrip(
    /// The run to show.
    run: Arc<CaptionRun>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let total = run.paragraphs.len();
    let summary = format!(
        "{total} photo caption{} · {} distinct",
        if total == 1 { "" } else { "s" },
        run.distinct
    );
    let groups = run
        .groups
        .iter()
        .map(|group| {
            let entries = group
                .entries
                .iter()
                .enumerate()
                .map(|(k, entry)| {
                    let variant = k > 0;
                    let words = entry
                        .words
                        .iter()
                        .map(|w| {
                            if w.changed {
                                view! { <ins class="diff">{w.text.clone()}</ins> }.into_any()
                            } else {
                                w.text.clone().into_any()
                            }
                        })
                        .collect_view();
                    view! {
                        <li class="caption" class:variant=variant
                            data-paragraph-ref=run.paragraphs[entry.first].index.to_string()>
                            <span class="caption-text">{words}</span>
                            <span class="count" title="times this caption appears here">
                                {format!("×{}", entry.count)}
                            </span>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="caption-group">{entries}</ul> }
        })
        .collect_view();
    view! {
        <div class="caption-run" data-captions=total.to_string() data-distinct=run.distinct.to_string()>
            <button
                type="button"
                class="caption-strip"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="caption-icon" aria-hidden="true"></span>
                <span class="caption-summary">{summary}</span>
                <span class="caption-chevron" aria-hidden="true">{move || if open.get() { "▾" } else { "▸" }}</span>
            </button>
            <div class="caption-list" hidden=move || !open.get()>{groups}</div>
        </div>
    }
}

/// A run of page furniture (menus, share bars, related links, footers), folded into one quiet
/// line that opens to the lines as they are, with nothing marked in them.
#[component]
fn FurnitureStrip(
    /// The run's paragraphs, in order.
    run: Arc<[Arc<ReadingParagraph>]>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let total = run.len();
    let summary = format!(
        "Page furniture · {total} line{}",
        if total == 1 { "" } else { "s" }
    );
    let lines = run
        .iter()
        .map(|p| {
            view! {
                <p class="furniture-line" data-paragraph-ref=p.index.to_string()>{p.text()}</p>
            }
        })
        .collect_view();
    view! {
        <div class="furniture-run" data-furniture=total.to_string()>
            <button
                type="button"
                class="caption-strip furniture-strip"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="furniture-icon" aria-hidden="true"></span>
                <span class="caption-summary">{summary}</span>
                <span class="caption-chevron" aria-hidden="true">{move || if open.get() { "▾" } else { "▸" }}</span>
            </button>
            <div class="furniture-list" hidden=move || !open.get()>{lines}</div>
        </div>
    }
}

fn paragraph_view(paragraph: &ReadingParagraph, analysis: &Analysis) -> impl IntoView {
    view! {
        <p
            class="para"
            data-paragraph=paragraph.index.to_string()
            data-role=paragraph.role.as_str()
        >
            {paragraph
                .runs
                .iter()
                .map(|run| match run {
                    Run::Gap(gap) => gap.clone().into_any(),
                    Run::Sentence { index, pieces } => view! {
                        <span class="sentence" data-sentence=index.to_string()>
                            {sentence_pieces(pieces, analysis)}
                        </span>
                    }
                    .into_any(),
                })
                .collect_view()}
        </p>
    }
}

/// A sentence's pieces. The dateline is one element, however many marks cut it (`LONDON` and `AP`
/// are entities inside it), so its consecutive pieces share one wrapper.
fn sentence_pieces(pieces: &[Piece], analysis: &Analysis) -> AnyView {
    let mut out: Vec<AnyView> = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        if pieces[i].dateline {
            let end = pieces[i..]
                .iter()
                .position(|p| !p.dateline)
                .map_or(pieces.len(), |n| i + n);
            let inner = pieces[i..end]
                .iter()
                .map(|p| piece_view(p, analysis))
                .collect_view();
            out.push(view! { <span class="dateline">{inner}</span> }.into_any());
            i = end;
        } else {
            out.push(piece_view(&pieces[i], analysis));
            i += 1;
        }
    }
    out.collect_view().into_any()
}

/// A piece of a sentence, wrapped in one element per mark, outermost first: quote, entity, time
/// expression.
fn piece_view(piece: &Piece, analysis: &Analysis) -> AnyView {
    let mut view = piece.text.clone().into_any();
    if let Some(t) = piece
        .timex
        .and_then(|t| analysis.timexes.get(t).map(|x| (t, x)))
    {
        let (index, timex) = t;
        view = view! {
            <span class="timex" data-timex=index.to_string() title=timex.explanation.clone() tabindex="0">{view}</span>
        }
        .into_any();
    }
    if let Some((index, entity)) = piece
        .entity
        .and_then(|e| analysis.entities.get(e).map(|x| (e, x)))
    {
        let cluster = entity.cluster.map(|c| c.to_string()).unwrap_or_default();
        let cluster_of = entity.cluster.and_then(|c| analysis.clusters.get(c));
        let name = cluster_of.map_or(entity.text.as_str(), |c| c.name.as_str());
        // Hover: the type, the canonical name and the role the article gives.
        let role = entity
            .role
            .as_ref()
            .or(cluster_of.and_then(|c| c.role.as_ref()));
        let mut title = match role {
            Some(role) => format!("{} · {} · {}", label_name(&entity.label), name, role),
            None => format!("{} · {}", label_name(&entity.label), name),
        };
        // Where the mark came from, when not from the analysis alone.
        let source = entity.source.clone().unwrap_or_default();
        match source.as_str() {
            "reader" => title.push_str(" · your correction"),
            "lexicon" => title.push_str(" · from your names"),
            _ => {}
        }
        view = view! {
            <mark class="ent" data-entity=index.to_string() data-label=entity.label.clone() data-cluster=cluster
                data-source=source title=title tabindex="0">
                {view}
            </mark>
        }
        .into_any();
    }
    if let Some(index) = piece.quote {
        // Hover: who said it.
        let quote = analysis.quotes.get(index);
        let speaker = quote.and_then(|q| q.speaker.as_ref());
        // No speech cue names the speaker: the sentence only suggests who it is.
        let likely = quote.is_some_and(|q| q.attribution.is_none());
        let title = match speaker {
            None => "Quote · not attributed".to_string(),
            Some(s) => {
                let name = s
                    .cluster
                    .and_then(|c| analysis.clusters.get(c))
                    .map(|c| c.name.clone())
                    .or_else(|| s.name.clone());
                match name {
                    Some(name) if likely => {
                        format!("Quote · likely said by {name} (no speech verb names them)")
                    }
                    Some(name) => format!("Quote · said by {name}"),
                    None => "Quote · the speaker is not named".to_string(),
                }
            }
        };
        let source = quote.and_then(|q| q.source.clone()).unwrap_or_default();
        view = view! { <span class="quote" data-quote=index.to_string() data-source=source title=title tabindex="0">{view}</span> }
            .into_any();
    }
    view
}
