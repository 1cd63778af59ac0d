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
}
