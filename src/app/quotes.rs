//! The quotes panel: who said what, grouped by speaker, with a filter over the quote text.

use leptos::prelude::*;

use super::entities::Selection;
use super::flash;
use crate::analysis::offsets::CharIndex;
use crate::analysis::Analysis;

/// Quotes listed per speaker before "Show all": every speaker of a news article fits.
const QUOTES_SHOWN: usize = 12;

/// One speaker's entry.
#[derive(Debug, Clone, PartialEq)]
struct SpeakerEntry {
    /// `cluster:N`, `text:…` or `none`: stable across renders, and the DOM id's suffix.
    key: String,
    name: String,
    /// The title the article gives the speaker: `Kremlin spokesman`.
    role: Option<String>,
    cluster: Option<usize>,
    /// Each quote's index, text, and whether its speaker is only likely (no speech cue).
    quotes: Vec<(usize, String, bool)>,
}

/// The panel.
#[component]
pub fn QuotePanel(
    /// The current analysis.
    analysis: ReadSignal<Analysis>,
    /// The analysed text, to show each quote.
    text: ReadSignal<String>,
    /// Written when a speaker's name is clicked, to show them in the entity index.
    selection: Selection,
) -> impl IntoView {
    let Selection(selected) = selection;
    let filter = RwSignal::new(String::new());
    // Long texts have speakers with hundreds of quotes; each shows its first few until asked.
    let show_all = RwSignal::new(false);
    let entries = Memo::new(move |_| text.with(|t| analysis.with(|a| speaker_entries(t, a))));
    let list = move || {
        let needle = filter.get().to_lowercase();
        entries.with(|entries| {
            entries
                .iter()
                .filter_map(|entry| {
                    let quotes: Vec<(usize, String, bool)> = entry
                        .quotes
                        .iter()
                        .filter(|(_, q, _)| needle.is_empty() || q.to_lowercase().contains(&needle))
                        .cloned()
                        .collect();
                    if quotes.is_empty() {
                        return None;
                    }
                    let cluster = entry.cluster;
                    let count = quotes.len();
                    let cap = if show_all.get() || !needle.is_empty() { count } else { QUOTES_SHOWN };
                    let more = (count > cap).then(|| {
                        view! {
                            <li>
                                <button type="button" class="link show-all" on:click=move |_| show_all.set(true)>
                                    {format!("Show all {count} quotes")}
                                </button>
                            </li>
                        }
                    });
                    let items = quotes
                        .into_iter()
                        .take(cap)
                        .map(|(i, q, likely)| {
                            let title = likely.then_some("Likely this speaker: no speech verb names them");
                            view! {
                                <li>
                                    <button type="button" class="quote-item" class:likely=likely data-quote-ref=i.to_string()
                                        title=title on:click=move |_| flash(&format!("[data-quote=\"{i}\"]"))>
                                        {q}
                                    </button>
                                    {likely.then(|| view! { <span class="likely-tag">"likely speaker"</span> })}
                                </li>
                            }
                        })
                        .collect_view();
                    Some(view! {
                        <section class="speaker" id=format!("speaker-{}", entry.key) data-speaker=entry.name.clone()>
                            <h3>
                                <button type="button" class="link speaker-name" disabled=cluster.is_none()
                                    on:click=move |_| selected.set(cluster)>{entry.name.clone()}</button>
                                <span class="speaker-count">{count}</span>
                            </h3>
                            {entry.role.clone().map(|r| view! { <p class="speaker-role">{r}</p> })}
                            <ol>{items}{more}</ol>
                        </section>
                    })
                })
                .collect_view()
        })
    };
    view! {
        <div class="quotes">
            <input id="quote-filter" type="search" placeholder="Search quotes…" aria-label="Search quotes"
                prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev)) />
            <div id="quote-list">{list}</div>
        </div>
    }
}

/// Groups the quotes by speaker: by entity cluster where the speaker resolved to one, by the
/// words of the attribution otherwise, and "Unattributed" last.
fn speaker_entries(text: &str, a: &Analysis) -> Vec<SpeakerEntry> {
    let index = CharIndex::new(text);
    let slice =
        |start: usize, end: usize| text[index.byte_of(start)..index.byte_of(end)].to_string();
    let mut entries: Vec<SpeakerEntry> = Vec::new();
    let mut unattributed = SpeakerEntry {
        key: "none".into(),
        name: "Unattributed".into(),
        role: None,
        cluster: None,
        quotes: Vec::new(),
    };
    for (i, q) in a.quotes.iter().enumerate() {
        let quote = slice(q.start, q.end);
        let Some(speaker) = &q.speaker else {
            unattributed.quotes.push((i, quote, false));
            continue;
        };
        let item = (i, quote, q.attribution.is_none());
        // The entity cluster names the speaker best; then the fullest name the article gives
        // (`Dmitry Peskov` for `he`); then the attribution's own words.
        let (key, name) = match (
            speaker.cluster.and_then(|c| a.clusters.get(c)),
            &speaker.name,
        ) {
            (Some(c), _) => (format!("cluster-{}", c.id), c.name.clone()),
            (None, Some(name)) => (format!("name-{}", slug(name)), name.clone()),
            (None, None) => {
                let words = slice(speaker.start, speaker.end);
                (format!("text-{}", slug(&words)), words)
            }
        };
        match entries.iter_mut().find(|e| e.key == key) {
            Some(e) => e.quotes.push(item),
            None => entries.push(SpeakerEntry {
                key,
                name,
                role: speaker
                    .cluster
                    .and_then(|c| a.clusters.get(c))
                    .and_then(|c| c.role.clone()),
                cluster: speaker.cluster,
                quotes: vec![item],
            }),
        }
    }
    entries.sort_by(|x, y| {
        y.quotes
            .len()
            .cmp(&x.quotes.len())
            .then(x.quotes[0].0.cmp(&y.quotes[0].0))
    });
    if !unattributed.quotes.is_empty() {
        entries.push(unattributed);
    }
    entries
}

/// A name as an id suffix: lower case, white space as dashes.
fn slug(name: &str) -> String {
    name.to_lowercase().replace(char::is_whitespace, "-")
}
