//! The page's HTML sinks, under Trusted Types. The production CSP says
//! `require-trusted-types-for 'script'; trusted-types swr-share`: a string assigned to
//! `innerHTML` is refused, and the one policy, `swr-share`, is created here and kept in
//! this module's JavaScript. Only an `Html` (ui/markup.rs, safe by type) is passed through it.
//!
//! Leptos builds the static parts of views (literal markup in `view!`) by parsing a
//! compile-time string into a `<template>` element, so `<template>` elements take strings
//! through the same policy: what they parse stays inert until cloned, and only Leptos's
//! literals go there. Mounted into a host page whose CSP names no `swr-share` policy, none
//! is made and the host's rules apply unchanged (README, Embedding). The JavaScript is
//! short on purpose: it is part of the first load (scripts/split-wasm.mjs inlines it).

use wasm_bindgen::prelude::*;

use super::markup::Html;

#[wasm_bindgen(inline_js = r#"
let p = null;
export function install() {
  const tt = globalThis.trustedTypes;
  if (p || !tt) return;
  try { p = tt.createPolicy('swr-share', { createHTML: (s) => s }); } catch { return; }
  const d = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');
  Object.defineProperty(HTMLTemplateElement.prototype, 'innerHTML',
    { configurable: true, get: d.get, set(v) { d.set.call(this, p.createHTML(v)); } });
}
export function setHtml(e, s) { e.innerHTML = p ? p.createHTML(s) : s; }
export function insertHtml(e, w, s) { e.insertAdjacentHTML(w, p ? p.createHTML(s) : s); }
"#)]
extern "C" {
    /// Creates the policy, once, and has `<template>` elements take strings through it.
    pub fn install();
    #[wasm_bindgen(js_name = setHtml)]
    fn set_html(el: &web_sys::Element, html: &str);
    #[wasm_bindgen(js_name = insertHtml)]
    fn insert_html(el: &web_sys::Element, place: &str, html: &str);
}

/// Replaces what `el` holds with `html`.
pub fn set_inner(el: &web_sys::Element, html: &Html) {
    set_html(el, html.as_str());
}

/// Where `insert` puts markup, relative to the element.
#[derive(Clone, Copy)]
pub enum Place {
    /// Before the element, as its previous siblings.
    Before,
    /// Inside the element, after its last child.
    AtEnd,
}

pub fn insert(el: &web_sys::Element, place: Place, html: &Html) {
    let place = match place {
        Place::Before => "beforebegin",
        Place::AtEnd => "beforeend",
    };
    insert_html(el, place, html.as_str());
}
