//! The reader's own names (the personal lexicon) in the page: kept in this browser, learnt from
//! the names the reader retypes or adds, passed to every analysis as gazetteer entries the model
//! weighs, and shown in a panel where the reader can see, export, import and clear them.

use leptos::prelude::*;

use super::corrections::Corrections;
use super::{storage, Message};
use crate::lexicon::Lexicon;

/// Keeps the lexicon: learns from corrections, stores every change, and hands the names to the
/// analysis options (a change re-analyses the article).
pub fn keep(lexicon: RwSignal<Lexicon>, options: RwSignal<crate::Options>, message: Message) {
    let Message(message) = message;
    let fixes = Corrections::get();
    Effect::new(move |_| {
        let Some((name, label)) = fixes.learned.get() else {
            return;
        };
        let mut next = lexicon.get_untracked();
        if next.add(&name, &label).is_ok() {
            store(lexicon, next, message);
        }
    });
    Effect::new(move |_| {
        let names = lexicon.with(|l| l.names.clone());
        if options.with_untracked(|o| o.lexicon != names) {
            options.update(|o| o.lexicon = names);
        }
    });
}

fn store(lexicon: RwSignal<Lexicon>, next: Lexicon, message: RwSignal<Option<String>>) {
    if let Err(e) = storage::save_lexicon(&next) {
        message.set(Some(e));
    }
    lexicon.set(next);
}

/// The panel: the names, with export, import and clear.
#[component]
pub fn LexiconPanel(lexicon: RwSignal<Lexicon>, message: Message) -> impl IntoView {
    let Message(message) = message;
    let names = move || {
        lexicon.with(|l| {
            l.names
                .iter()
                .map(|n| {
                    let name = n.name.clone();
                    view! {
                        <li class="lexicon-name">
                            <span>{n.name.clone()}</span>
                            <span class="lexicon-label">{super::mark_menu::singular(&n.label).to_string()}</span>
                            <button type="button" class="link" on:click=move |_| {
                                let mut next = lexicon.get_untracked();
                                next.remove(&name);
                                store(lexicon, next, message);
                            }>"Remove"</button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let export = move |_| {
        let json = lexicon.with_untracked(Lexicon::to_json);
        if let Err(e) = super::toolbar::download("lede-names.json", "application/json", &json) {
            message.set(Some(format!("The export failed: {e}.")));
        }
    };
    let import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let blob = gloo::file::Blob::from(file);
            match gloo::file::futures::read_as_text(&blob).await {
                Ok(json) => {
                    let mut next = lexicon.get_untracked();
                    match next.import(&json) {
                        Ok(n) => {
                            message.set(Some(format!(
                                "Your names: {} added, {} changed, {} already there.",
                                n.added, n.changed, n.unchanged
                            )));
                            store(lexicon, next, message);
                        }
                        Err(e) => {
                            message.set(Some(format!("Those names could not be imported: {e}.")))
                        }
                    }
                }
                Err(e) => message.set(Some(format!("The file could not be read: {e}."))),
            }
        });
    };
    view! {
        <details id="lexicon" class="lexicon">
            <summary>{move || format!("Your names ({})", lexicon.with(Lexicon::len))}</summary>
            <p class="hint">"Names you retype or mark are remembered in this browser, and later articles weigh them."</p>
            <ul class="lexicon-names">{names}</ul>
            <div class="actions">
                <button type="button" id="lexicon-export" class="secondary" on:click=export>"Export"</button>
                <label class="button-like secondary" for="lexicon-import">"Import…"</label>
                <input id="lexicon-import" class="visually-hidden" type="file" accept=".json,application/json" on:change=import />
                <button type="button" id="lexicon-clear" class="secondary" on:click=move |_| {
                    store(lexicon, Lexicon::new(), message);
                }>"Clear"</button>
            </div>
        </details>
    }
}
