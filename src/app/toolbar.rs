//! The top bar's actions: a share link, exports and a static copy, and saving to the library;
//! and the library panel itself.
//!
//! Everything here reads what is on screen (the shown text and its analysis) and the reader's
//! settings; nothing leaves the page but a download or the clipboard.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::analysis::Analysis;
use crate::export::{self, Format};
use crate::library::{title_of, Library};
use crate::share::{self, ShareError, Shared};

use super::{storage, Message};

/// Offers `content` as a file download named `name`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&content.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not make the file".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser could not offer the file".to_string())?;
    let link: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(|_| "the browser could not offer the file".to_string())?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The click has started the download; the URL is not needed after this turn.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(1),
    );
    Ok(())
}

/// Today as `YYYY-MM-DD` in the reader's time zone, for the library's dates.
fn today_iso() -> String {
    super::browser_today()
        .map(|d| d.to_string())
        .unwrap_or_default()
}

/// The share / export / save actions.
#[component]
pub fn Toolbar(
    /// The text on screen.
    shown_text: ReadSignal<String>,
    /// Its analysis.
    analysis: ReadSignal<Analysis>,
    /// The reader's settings, as a share link carries them.
    settings: Signal<share::Settings>,
    /// The library, which "Save" adds to.
    library: RwSignal<Library>,
    /// Where problems are reported.
    message: Message,
) -> impl IntoView {
    let Message(message) = message;
    let fixes = super::corrections::Corrections::get();
    // The last share link made (shown so it can be copied by hand), or the too-long notice.
    let link = RwSignal::new(None::<Result<String, String>>);
    let empty = move || shown_text.with(|t| t.trim().is_empty());

    let share_link = move |_| {
        let shared = Shared {
            text: shown_text.get_untracked(),
            settings: settings.get_untracked(),
            corrections: fixes.history.with_untracked(|h| h.done.clone()),
        };
        match share::encode(&shared) {
            Ok(fragment) => {
                let location = window().location();
                let base = format!(
                    "{}{}{}",
                    location.origin().unwrap_or_default(),
                    location.pathname().unwrap_or_default(),
                    location.search().unwrap_or_default()
                );
                let url = format!("{base}{fragment}");
                let clipboard = window().navigator().clipboard();
                let promise = clipboard.write_text(&url);
                leptos::task::spawn_local(async move {
                    // Refused (no permission, no focus): the link is shown to copy by hand.
                    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
                });
                link.set(Some(Ok(url)));
            }
            Err(e @ ShareError::TooLong { .. }) => link.set(Some(Err(format!("{e}.")))),
            Err(e) => message.set(Some(format!("No share link: {e}."))),
        }
    };
    let download_text = move |_| {
        let text = shown_text.get_untracked();
        let name = analysis.with_untracked(|a| {
            export::file_name(&text, a, Format::Markdown).replace(".md", ".txt")
        });
        if let Err(e) = download(&name, "text/plain;charset=utf-8", &text) {
            message.set(Some(format!("The download failed: {e}.")));
        }
    };
    let menu: NodeRef<leptos::html::Details> = NodeRef::new();
    let export_as = move |format: Format| {
        // The menu closes once a choice is made.
        if let Some(menu) = menu.get_untracked() {
            menu.set_open(false);
        }
        let text = shown_text.get_untracked();
        let (name, content) = analysis
            .with_untracked(|a| (export::file_name(&text, a, format), format.render(&text, a)));
        if let Err(e) = download(&name, format.mime(), &content) {
            message.set(Some(format!("The export failed: {e}.")));
        }
    };
    let save = move |_| {
        let text = shown_text.get_untracked();
        let title = analysis.with_untracked(|a| title_of(&text, a));
        let mut next = library.get_untracked();
        let done = fixes.history.with_untracked(|h| h.done.clone());
        next.add(text, done, &title, &today_iso());
        match storage::save_library(&next) {
            Ok(()) => library.set(next),
            Err(e) => message.set(Some(e)),
        }
    };
    let exports = [
        (
            Format::Html,
            "Static page (.html)",
            "A single file with the article and its analysis, readable offline, with no script",
        ),
        (
            Format::Markdown,
            "Markdown brief",
            "Headline, date, people and organisations, quotes by speaker, timeline",
        ),
        (
            Format::Json,
            "Analysis JSON",
            "The full analysis, as documented",
        ),
        (
            Format::TimelineJs,
            "TimelineJS",
            "The timeline, for TimelineJS",
        ),
        (Format::CsvEntities, "Entities CSV", "One row per entity"),
        (Format::CsvQuotes, "Quotes CSV", "One row per quote"),
    ]
    .into_iter()
    .map(|(format, label, title)| {
        view! {
            <button type="button" role="menuitem" class="menu-item" title=title
                data-export=format.name() on:click=move |_| export_as(format)>{label}</button>
        }
    })
    .collect_view();

    view! {
        <div class="toolbar">
            <button id="share" type="button" class="secondary" disabled=empty on:click=share_link>
                "Copy share link"
            </button>
            <details class="menu" id="export-menu" node_ref=menu>
                <summary class="button secondary" aria-haspopup="menu">"Export"</summary>
                <div class="menu-list" role="menu">{exports}</div>
            </details>
            <button id="save" type="button" class="secondary" disabled=empty on:click=save>
                "Save to library"
            </button>
        </div>
        {move || link.get().map(|result| {
            let (class, body) = match result {
                Ok(url) => ("share-result", view! {
                    <span>"Link copied. It carries the whole article in its #fragment, which never reaches any server."</span>
                    <input id="share-link" type="text" readonly prop:value=url
                        on:focus=move |ev| {
                            if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                input.select();
                            }
                        } />
                }.into_any()),
                Err(why) => ("share-result too-long", view! {
                    <span>{why}</span>
                    <button id="download-text" type="button" on:click=download_text>"Download as file"</button>
                }.into_any()),
            };
            view! {
                <div class=class role="status">
                    {body}
                    <button type="button" class="link" aria-label="Close" on:click=move |_| link.set(None)>"×"</button>
                </div>
            }
        })}
    }
}

/// The saved articles: open, rename, delete.
#[component]
pub fn LibraryPanel(
    /// The library.
    library: RwSignal<Library>,
    /// Opening an entry writes the text.
    text: RwSignal<String>,
    /// Where problems are reported.
    message: Message,
) -> impl IntoView {
    let Message(message) = message;
    let fixes = super::corrections::Corrections::get();
    let renaming = RwSignal::new(None::<u64>);
    let store = move |next: Library| match storage::save_library(&next) {
        Ok(()) => library.set(next),
        Err(e) => message.set(Some(e)),
    };
    let entries = move || {
        library.with(|l| {
            l.entries
                .iter()
                .rev()
                .map(|entry| {
                    let id = entry.id;
                    let size = if entry.chars >= 10_000 {
                        format!("{:.0}k characters", entry.chars as f64 / 1000.0)
                    } else {
                        format!("{} characters", entry.chars)
                    };
                    let title = entry.title.clone();
                    let heading = move || {
                        if renaming.get() == Some(id) {
                            let title = title.clone();
                            view! {
                                <input class="rename" type="text" prop:value=title aria-label="New title"
                                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                                        let value = event_target_value(&ev);
                                        match ev.key().as_str() {
                                            "Enter" => {
                                                let mut next = library.get_untracked();
                                                next.rename(id, &value);
                                                store(next);
                                                renaming.set(None);
                                            }
                                            "Escape" => renaming.set(None),
                                            _ => {}
                                        }
                                    }
                                    on:blur=move |ev| {
                                        let value = event_target_value(&ev);
                                        if renaming.get_untracked() == Some(id) {
                                            let mut next = library.get_untracked();
                                            next.rename(id, &value);
                                            store(next);
                                            renaming.set(None);
                                        }
                                    } />
                            }
                            .into_any()
                        } else {
                            view! {
                                <button type="button" class="link entry-open" on:click=move |_| {
                                    if let Some((e, done)) = library.with_untracked(|l| l.get(id).map(|e| (e.text.clone(), e.corrections.clone()))) {
                                        fixes.reset(done);
                                        text.set(e);
                                    }
                                }>{title.clone()}</button>
                            }
                            .into_any()
                        }
                    };
                    view! {
                        <li class="entry" data-entry=id.to_string()>
                            {heading}
                            <div class="entry-meta">
                                <span>{entry.saved.clone()}" · "{size}</span>
                                <button type="button" class="link entry-rename" on:click=move |_| renaming.set(Some(id))>"Rename"</button>
                                <button type="button" class="link entry-delete" on:click=move |_| {
                                    let mut next = library.get_untracked();
                                    next.remove(id);
                                    store(next);
                                }>"Delete"</button>
                            </div>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section id="library" class="library" class:no-entries=move || library.with(|l| l.entries.is_empty()) aria-label="Library">
            <h2 class="panel-title">"Library"</h2>
            {move || library.with(|l| l.entries.is_empty()).then(|| view! {
                <p class="hint">"Articles you save stay in this browser, and nowhere else."</p>
            })}
            <ol class="entries">{entries}</ol>
        </section>
    }
}
