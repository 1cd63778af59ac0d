//! Which part of a long list to render: the event strip at ten or thirty times today's data
//! holds thousands of cards, and building them all made the page slow to load and every filter
//! change slow. The list is made of runs (one per year); a window is a range of whole runs around
//! the current one, within a budget of items; "Show all" renders everything.

use std::ops::Range;

/// Event cards the strip renders at most before "Show all" (today's data has about 100).
pub const EVENT_BUDGET: usize = 240;

/// The runs to render, given each run's length, the current run and the window rendered before.
/// Everything when it fits the budget. Otherwise the previous window if it still holds the
/// current run (so stepping through the years does not rebuild the strip on every step), else a
/// new one: the current run, then its neighbours, nearer first (later before earlier at equal
/// distance), while the total stays within the budget; always at least the current run.
pub fn window(sizes: &[usize], current: usize, budget: usize, prev: Option<Range<usize>>) -> Range<usize> {
    let n = sizes.len();
    if n == 0 {
        return 0..0;
    }
    if sizes.iter().sum::<usize>() <= budget {
        return 0..n;
    }
    let current = current.min(n - 1);
    if let Some(p) = prev {
        if p.start <= current && current < p.end && p.end <= n && sizes[p.clone()].iter().sum::<usize>() <= budget.max(sizes[current]) {
            return p;
        }
    }
    let (mut lo, mut hi, mut total) = (current, current + 1, sizes[current]);
    loop {
        let right = (hi < n && total + sizes[hi] <= budget).then_some(hi);
        let left = (lo > 0 && total + sizes[lo - 1] <= budget).then(|| lo - 1);
        match (right, left) {
            (Some(r), Some(l)) if hi - current <= current - l => {
                total += sizes[r];
                hi += 1;
            }
            (_, Some(l)) => {
                total += sizes[l];
                lo -= 1;
            }
            (Some(r), None) => {
                total += sizes[r];
                hi += 1;
            }
            (None, None) => break,
        }
    }
    lo..hi
}

/// The same window on a new list of runs (the filters changed): the runs whose years lie within
/// the first and last year of the window before (`years` ascending, as the runs are), or None
/// when none do. A filter change then only removes or adds the cards of the years already shown,
/// instead of moving the window.
pub fn carry((first, last): (Option<i32>, Option<i32>), years: &[Option<i32>]) -> Option<Range<usize>> {
    let start = years.iter().position(|y| *y >= first)?;
    let end = years.iter().rposition(|y| *y <= last)? + 1;
    (start < end).then_some(start..end)
}

/// The keys of the strip's year runs: the year (`undated` for events without one), and which
/// run of that year it is when dates are unsorted and a year comes back (`2019`, `2019.1`).
/// They depend on the years alone, not on which events survive the filters, so that a filter
/// change keeps every surviving card's DOM (a key from the run's first event changed whenever
/// the filters took that event away, and every card of its year was built again).
pub fn run_keys(years: impl Iterator<Item = Option<i32>>) -> Vec<String> {
    let mut seen: std::collections::HashMap<Option<i32>, usize> = std::collections::HashMap::new();
    years
        .map(|y| {
            let n = seen.entry(y).or_insert(0);
            let base = y.map_or_else(|| "undated".to_owned(), |y| y.to_string());
            let key = if *n == 0 { base } else { format!("{base}.{n}") };
            *n += 1;
            key
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn short_lists_are_rendered_whole() {
        assert_eq!(window(&[3, 4, 5], 1, 100, None), 0..3);
        assert_eq!(window(&[], 0, 10, None), 0..0);
    }

    #[test]
    fn a_long_list_is_a_window_around_the_current_run() {
        let sizes = [10; 10];
        assert_eq!(window(&sizes, 5, 30, None), 4..7);
        assert_eq!(window(&sizes, 0, 30, None), 0..3);
        assert_eq!(window(&sizes, 9, 30, None), 7..10);
        // A run larger than the budget is rendered alone.
        assert_eq!(window(&[5, 50, 5], 1, 30, None), 1..2);
    }

    #[test]
    fn the_window_stays_while_it_holds_the_current_run() {
        let sizes = [10; 10];
        let w = window(&sizes, 5, 30, None);
        assert_eq!(window(&sizes, 6, 30, Some(w.clone())), w);
        assert_eq!(window(&sizes, 7, 30, Some(w.clone())), 6..9);
    }

    #[test]
    fn a_window_is_carried_to_a_new_list_by_its_years() {
        let years = [Some(2005), Some(2008), Some(2010), Some(2012)];
        assert_eq!(carry((Some(2008), Some(2011)), &years), Some(1..3));
        assert_eq!(carry((Some(2006), Some(2007)), &years), None);
        assert_eq!(carry((None, Some(2005)), &[None, Some(2005), Some(2006)]), Some(0..2));
    }

    proptest! {
        /// Against brute force: exactly the runs whose years lie within the bounds.
        #[test]
        fn carry_keeps_exactly_the_years_within(mut ys in prop::collection::btree_set(2000..2030i32, 0..20), lo in 1995..2035i32, len in 0..10i32) {
            let years: Vec<Option<i32>> = std::mem::take(&mut ys).into_iter().map(Some).collect();
            let want: Vec<usize> = (0..years.len()).filter(|&i| years[i] >= Some(lo) && years[i] <= Some(lo + len)).collect();
            let got: Vec<usize> = carry((Some(lo), Some(lo + len)), &years).map(|r| r.collect()).unwrap_or_default();
            prop_assert_eq!(got, want);
        }
    }

    proptest! {
        /// Against brute force: the window holds the current run, is within the budget (or is the
        /// current run alone), and cannot grow by a neighbour without going over the budget.
        #[test]
        fn window_is_within_budget_and_maximal(sizes in prop::collection::vec(1..40usize, 1..30), current in 0..30usize, budget in 1..200usize, prev in prop::option::of((0..30usize, 0..30usize))) {
            let n = sizes.len();
            let prev = prev.map(|(a, b)| a.min(b)..a.max(b) + 1);
            let w = window(&sizes, current, budget, prev.clone());
            let cur = current.min(n - 1);
            prop_assert!(w.start <= cur && cur < w.end && w.end <= n);
            let total: usize = sizes[w.clone()].iter().sum();
            if sizes.iter().sum::<usize>() <= budget {
                prop_assert_eq!(w, 0..n);
            } else if prev.as_ref().is_some_and(|p| *p == w) {
                prop_assert!(total <= budget.max(sizes[cur]));
            } else {
                prop_assert!(total <= budget || w.len() == 1);
                prop_assert!(w.start == 0 || total + sizes[w.start - 1] > budget);
                prop_assert!(w.end == n || total + sizes[w.end] > budget);
            }
        }
    }

    #[test]
    fn run_keys_follow_the_years_not_the_events() {
        assert_eq!(run_keys([Some(2019), Some(2020), None].into_iter()), ["2019", "2020", "undated"]);
        // Unsorted dates: a year that comes back gets a distinct key (keys must be unique).
        assert_eq!(run_keys([Some(2019), Some(2020), Some(2019), Some(2019)].into_iter()), ["2019", "2020", "2019.1", "2019.2"]);
    }
}
