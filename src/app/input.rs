//! Getting text in: typing (debounced), pasting, dropping or opening a `.txt`, `.md` or `.html`
//! file.
//!
//! A paste that carries HTML (`text/html`, as copying from a web page does) and an `.html` file
//! are imported: only their text is kept, and their structure (`figcaption`, `nav`, `footer`…)
//! becomes paragraph-role hints for the analysis. Nothing of the HTML is ever rendered. A file
//! that is not text gets a message, and the article on screen stays.

use std::time::Duration;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::{Imported, Message, Text};
use crate::error::decode_text;
use crate::import;

/// How long typing must pause before the text is analysed.
const DEBOUNCE: Duration = Duration::from_millis(250);

/// The longest a replaced text waits for its analysis before the text box shows it anyway.
const FILL_AT_LATEST: Duration = Duration::from_millis(1500);

/// Texts up to this size wait for their analysis to fill the text box; a longer one fills it at
/// once, in a task of its own. Filled after its analysis was on screen, a 1 MB text made that
/// task 220-340 ms long (three benchmark runs), where at once it was none over 50 ms.
const FILL_AFTER_ANALYSIS_BYTES: usize = 256 * 1024;

/// Files above this size are refused before reading: far beyond any article, and reading them
/// would stall the tab.
const MAX_FILE_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

/// The input column: the text box, the file buttons and the message bar.
#[component]
pub fn InputPanel(
    /// The analysed text; this panel writes it.
    text: Text,
    /// Where errors are reported.
    message: Message,
    /// The text whose analysis is on screen: a replaced text fills the box once it is shown.
    shown: ReadSignal<String>,
    /// Whether no analysis is under way (none asked, or it finished, failed or was cancelled).
    idle: Signal<bool>,
    /// The hints of an imported text (HTML paste or file), with the text they belong to.
    imported: Imported,
    /// Shown below the input (the library).
    children: Children,
) -> impl IntoView {
    let Text(text) = text;
    let Message(message) = message;
    let Imported(imported) = imported;
    let fixes = super::corrections::Corrections::get();
    // The textarea's content. It becomes `text` after a pause, a paste or a file.
    let draft = RwSignal::new(text.get_untracked());
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    let pasting = StoredValue::new(false);
    let file_input: NodeRef<html::Input> = NodeRef::new();

    let commit = move |value: String| {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        message.set(None);
        text.set(value);
    };
    // A whole new article (a paste over everything, a file): the corrections were the old one's.
    // The reader shows its first screen at once, and the text box shows an article once its
    // analysis is on screen (or after `FILL_AT_LATEST`; a text over `FILL_AFTER_ANALYSIS_BYTES`
    // at once, in a task of its own): laying a textarea out with a whole article takes the
    // main thread, and with it the compositor, while the worker analyses on the same two cores.
    // (Builds with and without this, 11 pages each, taking turns, each pasting the sample 10
    // times: the analysis's median, averaged over the pages, went from 33.7 to 29.9 ms, and the
    // paste to the first analysed view from 66.8 to 61.6 ms.)
    let replaced = StoredValue::new(0u64);
    let waiting = StoredValue::new(None::<String>);
    let fill = move || {
        if let Some(value) = waiting.try_update_value(Option::take).flatten() {
            draft.set(value);
        }
    };
    Effect::new(move |_| {
        if !idle.get() || waiting.with_value(Option::is_none) {
            return;
        }
        if shown.with(|s| waiting.with_value(|w| w.as_deref() == Some(s.as_str()))) {
            // Analysed: after the frame that paints the analysed view.
            request_animation_frame(move || {
                set_timeout(fill, Duration::ZERO);
            });
        } else {
            // Cancelled or failed: the reader's text is in the box at once.
            fill();
        }
    });
    let super::Preview(preview) = expect_context::<super::Preview>();
    let replace = move |value: String| {
        // Its first screen, plain, in this very frame; the marks follow with the analysis. (A
        // text too long to analyse is refused, and the article shown stays.)
        if value.len() <= super::MAX_TEXT_BYTES && text.with_untracked(|t| *t != value) {
            preview.set(Some(crate::reading::first_screen(
                &value,
                super::PREVIEW_CHARS,
            )));
        }
        fixes.reset(Vec::new());
        commit(value.clone());
        let this = replaced.get_value() + 1;
        replaced.set_value(this);
        let wait = if value.len() <= FILL_AFTER_ANALYSIS_BYTES {
            // An analysis that fails, or a text too long to analyse, still reaches the box.
            FILL_AT_LATEST
        } else {
            Duration::ZERO
        };
        waiting.set_value(Some(value));
        set_timeout(
            move || {
                // Unless another text replaced this one meanwhile.
                if replaced.get_value() == this {
                    fill();
                }
            },
            wait,
        );
    };
    // An imported text: its hints are kept with it, so they apply to exactly this text.
    let replace_imported = move |result: import::Imported| {
        imported.set(Some((result.text.clone(), result.hints)));
        replace(result.text);
    };
    // The HTML on the clipboard, imported, when it gives any text.
    let html_of = |ev: &web_sys::ClipboardEvent| {
        ev.clipboard_data()
            .and_then(|d| d.get_data("text/html").ok())
            .filter(|h| !h.trim().is_empty())
            .map(|h| import::from_html(&h))
            .filter(|i| !i.text.trim().is_empty())
    };

    let on_input = move |ev: ev::Event| {
        // What the reader types wins over a text still waiting to fill the box.
        waiting.set_value(None);
        let value = event_target_value(&ev);
        draft.set(value.clone());
        if pasting.get_value() {
            pasting.set_value(false);
            commit(value);
            return;
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || commit(draft.get_untracked()), DEBOUNCE).ok();
        pending.set_value(handle);
    };

    // A paste anywhere but the text box replaces the whole article; a paste into the text box is
    // analysed at once, without waiting for the debounce.
    let paste_listener = window_event_listener(ev::paste, move |ev: web_sys::ClipboardEvent| {
        if let Some(area) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            // A paste that replaces the whole box takes the page's structure along; one into the
            // middle of a text is plain text where the cursor is.
            let all = area.value();
            let replaces_all = all.trim().is_empty()
                || (area.selection_start().ok().flatten() == Some(0)
                    && area.selection_end().ok().flatten()
                        == Some(all.encode_utf16().count() as u32));
            if replaces_all {
                if let Some(result) = html_of(&ev) {
                    ev.prevent_default();
                    replace_imported(result);
                    return;
                }
            }
            pasting.set_value(true);
            return;
        }
        if let Some(result) = html_of(&ev) {
            ev.prevent_default();
            replace_imported(result);
            return;
        }
        let pasted = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok());
        if let Some(pasted) = pasted.filter(|p| !p.trim().is_empty()) {
            ev.prevent_default();
            // A page's source, copied as text, is read as the page.
            if import::is_html_source(&pasted) {
                replace_imported(import::from_html_as(&pasted, import::Source::Page));
            } else {
                replace(pasted);
            }
        }
    });
    let load_file = move |file: web_sys::File| {
        let name = file.name();
        if file.size() > MAX_FILE_BYTES {
            message.set(Some(format!(
                "{name} is {:.1} MB; Lede reads files up to {} MB. The article shown is unchanged.",
                file.size() / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576.0
            )));
            return;
        }
        spawn_local(async move {
            let blob = gloo::file::Blob::from(file);
            match gloo::file::futures::read_as_bytes(&blob).await {
                Ok(bytes) => match decode_text(&bytes, &name) {
                    Ok(content) => match import::from_file(&name, &content) {
                        Some(result) if result.hints.is_empty() => replace(result.text),
                        Some(result) => replace_imported(result),
                        None => message.set(Some(format!(
                            "Lede opens .txt, .md and .html files; {name} is none of these. The article shown is unchanged."
                        ))),
                    },
                    Err(e) => message.set(Some(format!("{e}. The article shown is unchanged."))),
                },
                Err(e) => message.set(Some(format!(
                    "Could not read {name}: {e}. The article shown is unchanged."
                ))),
            }
        });
    };
    let drop_listener = window_event_listener(ev::drop, move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            load_file(file);
        }
    });
    let dragover_listener = window_event_listener(ev::dragover, move |ev: web_sys::DragEvent| {
        ev.prevent_default();
    });
    on_cleanup(move || {
        paste_listener.remove();
        drop_listener.remove();
        dragover_listener.remove();
    });

    let on_file = move |ev: ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            load_file(file);
        }
        // Let the same file be chosen again.
        input.set_value("");
    };

    view! {
        <section class="input-panel" aria-label="Input">
            <label class="panel-title" for="input">"Article text"</label>
            <textarea
                id="input"
                spellcheck="false"
                placeholder="Paste a news article here…"
                prop:value=move || draft.get()
                on:input=on_input
            ></textarea>
            <div class="actions">
                <button id="open-file" type="button" on:click=move |_| {
                    if let Some(input) = file_input.get() {
                        input.click();
                    }
                }>"Open file…"</button>
                <button id="load-sample" type="button" class="secondary"
                    on:click=move |_| replace(crate::SAMPLE_ARTICLE.to_string())>
                    "Sample article"
                </button>
                <button id="clear" type="button" class="secondary"
                    on:click=move |_| replace(String::new())>"Clear"</button>
                <input
                    id="file-input"
                    class="visually-hidden"
                    aria-label="Open a .txt, .md or .html file"
                    tabindex="-1"
                    type="file"
                    accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                    node_ref=file_input
                    on:change=on_file
                />
            </div>
            <p class="hint">"Paste anywhere (text or a web page), drop a .txt, .md or .html file, or open one."</p>
            <div
                id="message"
                role="alert"
                class=move || if message.with(Option::is_some) { "message error" } else { "message" }
                hidden=move || message.with(Option::is_none)
            >
                {move || message.get().unwrap_or_default()}
            </div>
            {children()}
        </section>
    }
}
