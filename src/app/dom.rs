//! Building DOM by hand, for the few parts of the page that are rebuilt whole whenever they change
//! (the mark menu, the selection bar, the corrections strip, the lexicon list). The view macro
//! would cost tens of kilobytes of wasm for these, and the whole app must fit in 1.5 MB gzipped.
//! Every string goes in as a text node or an attribute value, never as markup.

use web_sys::{Document, Element};

pub struct Dom(Document);

impl Dom {
    pub fn new() -> Dom {
        Dom(leptos::prelude::document())
    }

    /// A new `tag` element with `class`, appended to `parent`.
    pub fn el(&self, parent: &Element, tag: &str, class: &str) -> Element {
        let el = self.0.create_element(tag).expect("a known tag");
        if !class.is_empty() {
            el.set_class_name(class);
        }
        let _ = parent.append_child(&el);
        el
    }

    /// An element holding `text` as text, never as markup.
    pub fn text(&self, parent: &Element, tag: &str, class: &str, text: &str) -> Element {
        let el = self.el(parent, tag, class);
        el.set_text_content(Some(text));
        el
    }

    pub fn attr(el: &Element, name: &str, value: &str) {
        let _ = el.set_attribute(name, value);
    }

    /// A `<button type="button">`.
    pub fn button(&self, parent: &Element, label: &str, class: &str) -> Element {
        let b = self.text(parent, "button", class, label);
        Dom::attr(&b, "type", "button");
        b
    }

    /// A labelled `<select>` with `(value, text)` options.
    pub fn select(
        &self,
        parent: &Element,
        label: &str,
        id: &str,
        options: &[(String, String)],
        selected: &str,
    ) -> Element {
        let l = self.text(parent, "label", "", label);
        let s = self.el(&l, "select", "");
        Dom::attr(&s, "id", id);
        for (value, text) in options {
            let o = self.text(&s, "option", "", text);
            Dom::attr(&o, "value", value);
            if value == selected {
                Dom::attr(&o, "selected", "");
            }
        }
        s
    }

    /// A labelled `<input>`.
    pub fn input(
        &self,
        parent: &Element,
        label: &str,
        id: &str,
        kind: &str,
        value: &str,
    ) -> Element {
        let l = self.text(parent, "label", "", label);
        let i = self.el(&l, "input", "");
        Dom::attr(&i, "id", id);
        Dom::attr(&i, "type", kind);
        Dom::attr(&i, "value", value);
        i
    }
}

/// The element an event happened on, if it is an element.
pub fn target_of(ev: &web_sys::Event) -> Option<Element> {
    use wasm_bindgen::JsCast;
    ev.target().and_then(|t| t.dyn_into::<Element>().ok())
}

/// The value of the input or select `#id` under `root`, or empty.
pub fn value_in(root: &Element, id: &str) -> String {
    use wasm_bindgen::JsCast;
    root.query_selector(&format!("#{id}"))
        .ok()
        .flatten()
        .and_then(|e| {
            e.dyn_ref::<web_sys::HtmlInputElement>()
                .map(|i| {
                    if i.type_() == "checkbox" {
                        i.checked().to_string()
                    } else {
                        i.value()
                    }
                })
                .or_else(|| e.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value()))
        })
        .unwrap_or_default()
}

thread_local! {
    /// What had the focus before a popup took it, so closing the popup hands it back: a
    /// keyboard user who presses Escape goes on from the same mark or selection.
    static FOCUS_BEFORE: std::cell::RefCell<Option<web_sys::HtmlElement>> =
        const { std::cell::RefCell::new(None) };
}

/// Moves the focus to `root`'s first control, remembering where it was. False (and nothing
/// moves) when `root` has no control.
pub fn focus_first_control(root: &Element) -> bool {
    use wasm_bindgen::JsCast;
    let Some(first) = root
        .query_selector("button, select, input")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    let before = leptos::prelude::document()
        .active_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    FOCUS_BEFORE.with(|f| *f.borrow_mut() = before);
    first.focus().is_ok()
}

/// Gives the focus back to what had it before `focus_first_control`, if it is still in the page.
pub fn restore_focus() {
    if let Some(el) = FOCUS_BEFORE.with(|f| f.borrow_mut().take()) {
        if el.is_connected() {
            let _ = el.focus();
        }
    }
}
