//! The side panel: what the analysis found, at a glance.

use leptos::prelude::*;

use super::entities::{EntityPanel, HiddenLabels, Selection};
use super::quotes::QuotePanel;
use super::timeline::{HighlightedEvent, TimelinePanel, WideTimeline};
use crate::analysis::{Analysis, Options, STAGES};

/// The side panel's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Overview,
    Entities,
    Quotes,
    Timeline,
}

impl Tab {
    /// The tab's name in share links and saved settings.
    pub fn id(self) -> &'static str {
        match self {
            Tab::Overview => "overview",
            Tab::Entities => "entities",
            Tab::Quotes => "quotes",
            Tab::Timeline => "timeline",
        }
    }

    /// The tab named `id`; the overview for anything else.
    pub fn from_id(id: &str) -> Tab {
        [Tab::Entities, Tab::Quotes, Tab::Timeline]
            .into_iter()
            .find(|t| t.id() == id)
            .unwrap_or(Tab::Overview)
    }
}

/// Whether a panel has been wanted at least once (its tab opened, say). A tab's panel is built the
/// first time it is wanted, and then stays: the first view of an article builds only what is on
/// screen, and a long text's hidden panels cost nothing until the reader asks for them. The memo
/// turns true once and never back (once true it reads no signal), so the panel is not rebuilt on
/// each switch.
fn wanted_once(wanted: impl Fn() -> bool + Send + Sync + 'static) -> Memo<bool> {
    Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || wanted())
}

/// The side panel: tabs for the overview and each analysis stage's panel.
#[component]
pub fn SidePanel(
    /// The current analysis.
    analysis: ReadSignal<Analysis>,
    /// The reader's options; the timeline's reference-date picker writes them.
    options: RwSignal<Options>,
    /// The open tab; clicking a time expression in the article opens the timeline.
    tab: RwSignal<Tab>,
    /// The timeline card to highlight.
    highlighted: HighlightedEvent,
    /// The analysed text, for the word count.
    text: ReadSignal<String>,
    /// The selected entity cluster.
    selection: Selection,
    /// Entity types whose highlights are off.
    hidden: HiddenLabels,
    /// The timeline's wide view.
    wide: WideTimeline,
) -> impl IntoView {
    let has = |stage: &str| STAGES.contains(&stage);
    let tabs: Vec<(Tab, &str, &str)> = [
        (Tab::Overview, "overview", "Overview"),
        (Tab::Entities, "entities", "Entities"),
        (Tab::Quotes, "quotes", "Quotes"),
        (Tab::Timeline, "time", "Timeline"),
    ]
    .into_iter()
    .filter(|(t, id, _)| *t == Tab::Overview || has(id))
    .collect();
    let tab_buttons = tabs
        .iter()
        .map(|&(t, id, name)| {
            view! {
                <button type="button" role="tab" id=format!("tab-{id}")
                    aria-selected=move || (tab.get() == t).to_string()
                    on:click=move |_| tab.set(t)>{name}</button>
            }
        })
        .collect_view();
    // The entity panel also marks the selected entity's mentions in the article and steps
    // through them (`n`/`p`), so a selection (one restored from a link, say) builds it too.
    let Selection(selected) = selection;
    let entities_opened =
        wanted_once(move || tab.get() == Tab::Entities || selected.with(Option::is_some));
    let quotes_opened = wanted_once(move || tab.get() == Tab::Quotes);
    let timeline_opened = wanted_once(move || tab.get() == Tab::Timeline);
    view! {
        <aside class="side" aria-label="Analysis">
            <div class="tabs" role="tablist" hidden=tabs.len() < 2>{tab_buttons}</div>
            <div role="tabpanel" hidden=move || tab.get() != Tab::Overview>
                <Overview analysis=analysis text=text />
            </div>
            <div role="tabpanel" hidden=move || tab.get() != Tab::Entities>
                {move || (has("entities") && entities_opened.get())
                    .then(|| view! { <EntityPanel analysis=analysis selection=selection hidden=hidden /> }.into_any())}
            </div>
            <div role="tabpanel" hidden=move || tab.get() != Tab::Quotes>
                {move || (has("quotes") && quotes_opened.get())
                    .then(|| view! { <QuotePanel analysis=analysis text=text selection=selection /> }.into_any())}
            </div>
            <div role="tabpanel" hidden=move || tab.get() != Tab::Timeline>
                {move || (has("time") && timeline_opened.get()).then(|| view! {
                    <TimelinePanel analysis=analysis text=text options=options highlighted=highlighted
                        selection=selection wide=wide />
                }.into_any())}
            </div>
        </aside>
    }
}

/// Counts and the article outline.
#[component]
fn Overview(
    /// The current analysis.
    analysis: ReadSignal<Analysis>,
    /// The analysed text, for the word count.
    text: ReadSignal<String>,
) -> impl IntoView {
    let count = move |f: fn(&Analysis) -> usize| move || analysis.with(f).to_string();
    let words = move || text.with(|t| crate::reading::word_count(t)).to_string();
    let outline = move || {
        text.with(|text| {
            analysis.with(|a| {
                // One pass for every article's paragraph count and first paragraph that is not
                // page furniture (a menu line names no article), else its first paragraph.
                let mut counts = vec![0usize; a.articles.len()];
                let mut first = vec![None; a.articles.len()];
                let mut first_any = vec![None; a.articles.len()];
                for (i, p) in a.paragraphs.iter().enumerate() {
                    counts[p.article] += 1;
                    first_any[p.article].get_or_insert(i);
                    if p.role != crate::analysis::Role::Boilerplate {
                        first[p.article].get_or_insert(i);
                    }
                }
                for (f, any) in first.iter_mut().zip(&first_any) {
                    *f = f.or(*any);
                }
                a.articles
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| counts[*i] > 0)
                    .map(|(i, article)| {
                        let paragraphs = counts[i];
                        // A dateline names the article best; failing that, its first words do.
                        let place = article
                            .dateline
                            .as_ref()
                            .map(|d| d.place.clone())
                            .or_else(|| {
                                first[i].map(|p| {
                                    let p = &a.paragraphs[p];
                                    opening_words(text, p.start, p.end)
                                })
                            })
                            .unwrap_or_default();
                        let no_dateline = article.dateline.is_none();
                        let jump = move |_| scroll_to(&format!("[data-article=\"{i}\"]"));
                        view! {
                            <li>
                                <button type="button" class="link" on:click=jump>
                                    <span class="outline-n">{i + 1}</span>
                                    <span class="outline-place" class:no-dateline=no_dateline>
                                        {place}
                                    </span>
                                    <span class="outline-count">{format!("{paragraphs} ¶")}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <div class="overview">
            <h2 class="panel-title">"Document"</h2>
            <dl id="stats" class="stats">
                <div data-stat="articles"><dt>"Articles"</dt><dd>{count(|a| a.articles.iter().filter(|x| x.end > x.start).count())}</dd></div>
                <div data-stat="paragraphs"><dt>"Paragraphs"</dt><dd>{count(|a| a.paragraphs.len())}</dd></div>
                <div data-stat="sentences"><dt>"Sentences"</dt><dd>{count(|a| a.sentences.len())}</dd></div>
                <div data-stat="words"><dt>"Words"</dt><dd>{words}</dd></div>
            </dl>
            <h2 class="panel-title">"Articles"</h2>
            <ol class="outline">{outline}</ol>
        </div>
    }
}

/// The first few words of the paragraph at code points `start..end`, for an article with no dateline.
fn opening_words(text: &str, start: usize, end: usize) -> String {
    // Only the opening words are needed: take a bounded prefix, not the whole paragraph.
    let paragraph: String = text
        .chars()
        .skip(start)
        .take((end - start).min(200))
        .collect();
    let mut words: Vec<&str> = paragraph.split_whitespace().take(5).collect();
    if paragraph.split_whitespace().count() > words.len() {
        words.push("…");
    }
    words.join(" ")
}

/// Scrolls the first element matching `selector` into view.
fn scroll_to(selector: &str) {
    if let Ok(Some(el)) = document().query_selector(selector) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_behavior(web_sys::ScrollBehavior::Smooth);
        options.set_block(web_sys::ScrollLogicalPosition::Start);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
