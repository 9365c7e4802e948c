//! The reader's own names (the personal lexicon) in the page: kept in this browser, learnt from
//! the names the reader retypes or adds, passed to every analysis as gazetteer entries the model
//! weighs, and shown in a panel where the reader can see, export, import and clear them.

use leptos::prelude::*;

use super::corrections::Corrections;
use super::dom::{target_of, Dom};
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
    // The list is rebuilt by hand when the names change (see `dom`).
    let list: NodeRef<leptos::html::Ul> = NodeRef::new();
    Effect::new(move |_| {
        let names = lexicon.with(|l| l.names.clone());
        let Some(ul) = list.get() else { return };
        let ul: web_sys::Element = ul.into();
        ul.set_text_content(None);
        let dom = Dom::new();
        for n in &names {
            let li = dom.el(&ul, "li", "lexicon-name");
            dom.text(&li, "span", "", &n.name);
            dom.text(
                &li,
                "span",
                "lexicon-label",
                super::mark_menu::singular(&n.label),
            );
            Dom::attr(&dom.button(&li, "Remove", "link"), "data-name", &n.name);
        }
    });
    let on_remove = move |ev: web_sys::MouseEvent| {
        let name = target_of(&ev)
            .and_then(|t| t.closest("button[data-name]").ok().flatten())
            .and_then(|b| b.get_attribute("data-name"));
        if let Some(name) = name {
            let mut next = lexicon.get_untracked();
            next.remove(&name);
            store(lexicon, next, message);
        }
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
            <ul class="lexicon-names" node_ref=list on:click=on_remove></ul>
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
