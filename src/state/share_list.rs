//! What the share table makes of the open repository's list: each share's expiry, the
//! order, the page that the filter, the status chips and the pager leave, and the rows
//! built. Derived from the list and the URL's view, never copied.

use std::collections::HashSet;

use leptos::prelude::*;

use super::clock::Now;
use super::shares::SharesStore;
use super::view::View;
use crate::model::expiry::Expiry;
use crate::model::table_view::{ordered, page_of, Sort};
use crate::model::Share;

#[derive(Clone, Copy)]
pub struct ShareList {
    /// Copied once per answer; every reader borrows it.
    pub all: Memo<Vec<Share>>,
    pub expiries: Memo<Vec<Expiry>>,
    pub sort: Memo<Option<Sort>>,
    /// Indices into `all`, in the table's order.
    order: Memo<Vec<usize>>,
    /// The indices on the page, and how many shares match the filter in all.
    page: Memo<(Vec<usize>, usize)>,
    /// The accounts on the page.
    pub on_page: Memo<HashSet<String>>,
}

impl ShareList {
    pub fn new(store: SharesStore, view: View, now: Now, warning_days: Signal<i64>) -> Self {
        let all = Memo::new(move |_| store.shares().unwrap_or_default());
        let expiries = Memo::new(move |_| {
            let (now, days) = (now.0.get(), warning_days.get());
            all.with(|list| {
                list.iter()
                    .map(|s| Expiry::of(s, now, days))
                    .collect::<Vec<_>>()
            })
        });
        let sort = Memo::new(move |_| view.0.with(|v| v.sort));
        let order = Memo::new(move |_| {
            let sort = sort.get();
            all.with(|list| expiries.with(|e| ordered(list, e, sort)))
        });
        let page = Memo::new(move |_| {
            view.0.with(|v| {
                all.with(|list| {
                    expiries.with(|e| order.with(|o| page_of(list, e, o, &v.q, v.status, v.page)))
                })
            })
        });
        let on_page = Memo::new(move |_| {
            all.with(|list| {
                page.with(|(idx, _)| idx.iter().map(|&i| list[i].account.clone()).collect())
            })
        });
        ShareList {
            all,
            expiries,
            sort,
            order,
            page,
            on_page,
        }
    }

    /// The rows to build, in order: those of the page, or with `every` all of them (a row
    /// off the page is then an empty `<tr hidden>` until it is shown). Rows are built once
    /// per list and order; the filter, the chips and the pager show and hide them, so a
    /// keystroke toggles `hidden` on the rows that change instead of building them.
    pub fn rows(&self, every: Memo<bool>) -> Signal<Vec<Share>> {
        // Each closure holds only the memos it reads.
        let (all, order, on_page) = (self.all, self.order, self.on_page);
        Signal::derive(move || {
            let every = every.get();
            all.with(|list| {
                order.with(|o| {
                    o.iter()
                        .map(|&i| &list[i])
                        .filter(|s| every || on_page.with(|p| p.contains(&s.account)))
                        .cloned()
                        .collect()
                })
            })
        })
    }

    /// How many shares match the filter and the chips.
    pub fn matching(&self) -> impl Fn() -> usize + Copy + Send + Sync + 'static {
        let page = self.page;
        move || page.with(|(_, n)| *n)
    }

    /// The list has shares.
    pub fn loaded(&self) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
        let all = self.all;
        move || all.with(|l| !l.is_empty())
    }
}
