//! Which country a tap means: small targets on a phone-width map (WCAG 2.2, 2.5.8: a target
//! under 24 × 24 CSS px counts as the 24 px circle around it). A small-state marker within
//! [`REACH`] px wins over a large shape under the tap (its own circle is a few px wide and often
//! sits on a neighbour's coast); against a small shape under the tap, the nearer centre wins
//! (the 24 px circle WCAG draws around an undersized target); else the country under the tap; else, off every shape, the nearest small target (markers and
//! shapes under [`SMALL`] px) within reach, or failing that the nearest large shape.

/// How far from a tap a target still counts, in CSS pixels (half of 24 × 24).
pub const REACH: f64 = 12.0;
/// A target narrower or lower than this, in CSS pixels, is small.
pub const SMALL: f64 = 24.0;

/// Points to probe around a tap, nearest ring first: rings of 3, 6, 9 and 12 px, 16 points each.
pub fn ring_offsets() -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(64);
    for r in [3.0, 6.0, 9.0, REACH] {
        for i in 0..16 {
            let a = i as f64 * std::f64::consts::TAU / 16.0;
            out.push((r * a.cos(), r * a.sin()));
        }
    }
    out
}

/// A country that a tap could mean: its distance from the tap (0 under it) and whether its
/// drawn target is small.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub iso3: String,
    pub dist: f64,
    pub small: bool,
    /// A small-state marker (then also small).
    pub marker: bool,
    /// The shape under the tap (its `dist` is then to its centre if small, else 0).
    pub direct: bool,
}

/// A drawn small-state marker on screen: code, centre and radius in CSS pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub iso3: String,
    pub x: f64,
    pub y: f64,
    pub r: f64,
}

/// The candidates for a tap at `tap`: the markers within [`REACH`] of their edge, the country
/// under the tap (`direct`), and, off every shape, those `probe` finds at the [`ring_offsets`]
/// (each at the first ring it is found on). `probe` says which interactive country is at a point
/// and whether it is small. On a shape nothing is probed: [`pick`] then chooses among the markers
/// and that shape only, and each probe is a hit test of the page (64 of them cost about 16 ms of
/// a click at 1× CPU).
pub fn candidates(tap: (f64, f64), markers: &[Marker], direct: Option<(String, Option<f64>)>, mut probe: impl FnMut(f64, f64) -> Option<(String, bool)>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = markers
        .iter()
        .map(|m| Candidate { iso3: m.iso3.clone(), dist: (((m.x - tap.0).powi(2) + (m.y - tap.1).powi(2)).sqrt() - m.r).max(0.0), small: true, marker: true, direct: false })
        .filter(|c| c.dist <= REACH)
        .collect();
    // `direct`: the country under the tap and, if it is small, the distance to its centre.
    if let Some((iso3, centre)) = direct {
        out.push(Candidate { iso3, dist: centre.unwrap_or(0.0), small: centre.is_some(), marker: false, direct: true });
        return out;
    }
    for (dx, dy) in ring_offsets() {
        if let Some((iso3, small)) = probe(tap.0 + dx, tap.1 + dy) {
            if !out.iter().any(|c| c.iso3 == iso3) {
                out.push(Candidate { iso3, dist: (dx * dx + dy * dy).sqrt(), small, marker: false, direct: false });
            }
        }
    }
    out
}

/// On a small shape: it or a marker, by distance to their centres. On a large shape: the
/// nearest marker, else that shape. Off every shape: the nearest small
/// candidate, else the nearest.
pub fn pick(candidates: &[Candidate]) -> Option<String> {
    let nearest = |keep: &dyn Fn(&Candidate) -> bool| candidates.iter().filter(|c| keep(c)).min_by(|a, b| a.dist.total_cmp(&b.dist)).map(|c| c.iso3.clone());
    match candidates.iter().find(|c| c.direct) {
        // On a small shape: it or a marker, whichever centre is nearer.
        Some(d) if d.small => nearest(&|c| c.marker || c.direct),
        // On a large shape: a marker within reach, else that shape.
        Some(d) => nearest(&|c| c.marker).or(Some(d.iso3.clone())),
        // Off every shape: the nearest small target, else the nearest.
        None => nearest(&|c| c.small).or_else(|| nearest(&|_| true)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn malta() -> Marker {
        Marker { iso3: "MLT".into(), x: 100.0, y: 100.0, r: 2.0 }
    }

    #[test]
    fn a_small_target_within_reach_wins_over_a_large_shape_under_the_tap() {
        let italy = Some(("ITA".to_string(), None));
        assert_eq!(pick(&candidates((110.0, 105.0), &[malta()], italy.clone(), |_, _| None)), Some("MLT".into()));
        // Beyond reach: the shape under the tap.
        assert_eq!(pick(&candidates((120.0, 100.0), &[malta()], italy, |_, _| None)), Some("ITA".into()));
        // On a small shape: the nearer centre, the marker's or the shape's.
        assert_eq!(pick(&candidates((106.0, 100.0), &[malta()], Some(("ITA".into(), Some(9.0))), |_, _| None)), Some("MLT".into()));
        assert_eq!(pick(&candidates((106.0, 100.0), &[malta()], Some(("SRB".into(), Some(1.0))), |_, _| None)), Some("SRB".into()));
    }

    #[test]
    fn off_every_shape_the_nearest_small_target_wins() {
        // Serbia (small) lies 7 px east of the tap, Hungary (large) 3 px north, Malta's edge 10 px west.
        let probe = |x: f64, y: f64| {
            if x >= 207.0 {
                Some(("SRB".to_string(), true))
            } else if y <= 197.0 {
                Some(("HUN".to_string(), false))
            } else {
                None
            }
        };
        let m = Marker { iso3: "MLT".into(), x: 188.0, y: 200.0, r: 2.0 };
        let c = candidates((200.0, 200.0), &[m.clone()], None, probe);
        assert_eq!(c.iter().find(|c| c.iso3 == "SRB").map(|c| c.dist), Some(9.0));
        assert_eq!(c.iter().find(|c| c.iso3 == "HUN").map(|c| c.dist), Some(3.0));
        assert_eq!(pick(&c), Some("SRB".into()), "small Serbia at 9 px beats large Hungary at 3 px and Malta at 10 px");
        let nearer = Marker { x: 194.0, ..m };
        assert_eq!(pick(&candidates((200.0, 200.0), &[nearer], None, probe)), Some("MLT".into()));
        assert_eq!(pick(&candidates((200.0, 200.0), &[], None, |_, _| None)), None);
        assert_eq!(pick(&candidates((200.0, 200.0), &[], None, |_, y| (y <= 190.0).then(|| ("HUN".to_string(), false)))), Some("HUN".into()));
    }

    #[test]
    fn on_a_shape_nothing_is_probed_and_the_choice_is_the_same() {
        // A probe that sees a small neighbour everywhere around the tap: it would not change the
        // pick on a shape (only markers and the shape count there), so it is not called.
        let calls = std::cell::Cell::new(0);
        let probe = |_: f64, _: f64| {
            calls.set(calls.get() + 1);
            Some(("SRB".to_string(), true))
        };
        for (tap, direct, want) in [
            ((110.0, 105.0), Some(("ITA".to_string(), None)), "MLT"),
            ((120.0, 100.0), Some(("ITA".to_string(), None)), "ITA"),
            ((106.0, 100.0), Some(("ITA".to_string(), Some(9.0))), "MLT"),
            ((106.0, 100.0), Some(("HRV".to_string(), Some(1.0))), "HRV"),
        ] {
            let c = candidates(tap, &[malta()], direct.clone(), probe);
            assert_eq!(pick(&c).as_deref(), Some(want));
            // Probing every ring as well gives the same choice.
            let mut all = c.clone();
            all.extend(ring_offsets().into_iter().map(|(dx, dy)| Candidate { iso3: "SRB".into(), dist: (dx * dx + dy * dy).sqrt(), small: true, marker: false, direct: false }));
            assert_eq!(pick(&all).as_deref(), Some(want));
        }
        assert_eq!(calls.get(), 0);
        // Off every shape the rings are probed.
        let _ = candidates((200.0, 200.0), &[], None, probe);
        assert_eq!(calls.get(), ring_offsets().len());
    }

    #[test]
    fn rings_stay_within_reach_nearest_first() {
        let r = ring_offsets();
        let d: Vec<f64> = r.iter().map(|(x, y)| (x * x + y * y).sqrt()).collect();
        assert!(d.iter().all(|d| *d <= REACH + 1e-9));
        assert!(d.windows(2).all(|w| w[0] <= w[1] + 1e-9));
    }
}
