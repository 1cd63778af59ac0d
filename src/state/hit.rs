//! Which country a tap means: small targets on a phone-width map (WCAG 2.2, 2.5.8). A tap
//! within [`REACH`] CSS pixels of a small-state marker picks the marker; otherwise the country
//! under the tap, or the nearest interactive one found on rings around it.

/// How far from a tap a target still counts, in CSS pixels (half of 24 × 24).
pub const REACH: f64 = 12.0;

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

/// A drawn small-state marker on screen: code, centre and radius in CSS pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub iso3: String,
    pub x: f64,
    pub y: f64,
    pub r: f64,
}

/// Chooses the country for a tap at `tap`: the nearest marker whose edge is within [`REACH`],
/// else `direct` (the interactive country under the tap), else the first interactive country
/// that `probe` finds at the [`ring_offsets`] around the tap.
pub fn choose(tap: (f64, f64), markers: &[Marker], direct: Option<String>, mut probe: impl FnMut(f64, f64) -> Option<String>) -> Option<String> {
    let near = markers
        .iter()
        .map(|m| (m, ((m.x - tap.0).powi(2) + (m.y - tap.1).powi(2)).sqrt() - m.r))
        .filter(|(_, d)| *d <= REACH)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((m, _)) = near {
        return Some(m.iso3.clone());
    }
    direct.or_else(|| ring_offsets().into_iter().find_map(|(dx, dy)| probe(tap.0 + dx, tap.1 + dy)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn malta() -> Marker {
        Marker { iso3: "MLT".into(), x: 100.0, y: 100.0, r: 2.0 }
    }

    #[test]
    fn a_marker_within_reach_wins_over_the_shape_under_the_tap() {
        assert_eq!(choose((110.0, 105.0), &[malta()], Some("ITA".into()), |_, _| None), Some("MLT".into()));
        // Beyond reach: the shape under the tap.
        assert_eq!(choose((120.0, 100.0), &[malta()], Some("ITA".into()), |_, _| None), Some("ITA".into()));
    }

    #[test]
    fn the_nearest_ring_hit_is_taken_when_nothing_is_under_the_tap() {
        // Serbia lies 7 px to the east of the tap: the 9 px ring finds it, not the 12 px one north.
        let probe = |x: f64, y: f64| {
            if x >= 207.0 {
                Some("SRB".to_string())
            } else if y <= 188.0 {
                Some("HUN".to_string())
            } else {
                None
            }
        };
        assert_eq!(choose((200.0, 200.0), &[], None, probe), Some("SRB".into()));
        assert_eq!(choose((200.0, 200.0), &[], None, |_, _| None), None);
    }

    #[test]
    fn rings_stay_within_reach_nearest_first() {
        let r = ring_offsets();
        let d: Vec<f64> = r.iter().map(|(x, y)| (x * x + y * y).sqrt()).collect();
        assert!(d.iter().all(|d| *d <= REACH + 1e-9));
        assert!(d.windows(2).all(|w| w[0] <= w[1] + 1e-9));
    }
}
