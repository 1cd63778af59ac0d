//! Cutting rings that cross the antimeridian (Fiji, Chukotka) so that a flat projection does
//! not draw a line across the whole map.

use crate::geo::topojson::Ring;

/// Makes longitudes continuous: each point is moved by ±360° to be within 180° of the previous.
fn unwrap(ring: &Ring) -> Ring {
    let mut out: Ring = Vec::with_capacity(ring.len());
    for &(lon, lat) in ring {
        let lon = match out.last() {
            Some(&(prev, _)) => lon + 360.0 * ((prev - lon) / 360.0).round(),
            None => lon,
        };
        out.push((lon, lat));
    }
    out
}

/// Sutherland–Hodgman clipping of a closed ring against the half-plane `keep(lon)`, whose
/// border is the meridian `edge`.
fn clip(ring: &Ring, edge: f64, keep: impl Fn(f64) -> bool) -> Ring {
    let mut out: Ring = Vec::new();
    for w in ring.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (ia, ib) = (keep(a.0), keep(b.0));
        if ia {
            out.push(a);
        }
        if ia != ib {
            let t = (edge - a.0) / (b.0 - a.0);
            out.push((edge, a.1 + t * (b.1 - a.1)));
        }
    }
    if let Some(&first) = out.first() {
        out.push(first);
    }
    out
}

fn shift(ring: Ring, by: f64) -> Ring {
    ring.into_iter().map(|(lon, lat)| (lon + by, lat)).collect()
}

/// Splits a closed ring at ±180° longitude. Rings that do not cross come back unchanged.
pub fn split_ring(ring: &Ring) -> Vec<Ring> {
    const EPS: f64 = 1e-9;
    let u = unwrap(ring);
    let max = u.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
    let min = u.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let pieces = if max > 180.0 + EPS {
        vec![clip(&u, 180.0, |x| x <= 180.0), shift(clip(&u, 180.0, |x| x >= 180.0), -360.0)]
    } else if min < -180.0 - EPS {
        vec![clip(&u, -180.0, |x| x >= -180.0), shift(clip(&u, -180.0, |x| x <= -180.0), 360.0)]
    } else {
        return vec![ring.clone()];
    };
    pieces.into_iter().filter(|r| r.len() >= 4).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rings_inside_the_range_are_untouched() {
        let r = vec![(10.0, 0.0), (20.0, 0.0), (20.0, 10.0), (10.0, 0.0)];
        assert_eq!(split_ring(&r), vec![r]);
    }

    #[test]
    fn a_ring_across_the_antimeridian_becomes_two_within_range() {
        // A square from 170°E to 170°W, written with the jump as stored in world-atlas.
        let r = vec![(170.0, -10.0), (-170.0, -10.0), (-170.0, 10.0), (170.0, 10.0), (170.0, -10.0)];
        let parts = split_ring(&r);
        assert_eq!(parts.len(), 2);
        for p in &parts {
            assert!(p.iter().all(|&(lon, _)| (-180.0..=180.0).contains(&lon)), "{p:?}");
            assert_eq!(p.first(), p.last());
        }
        let east = parts.iter().find(|p| p.iter().any(|q| q.0 > 0.0)).unwrap();
        let west = parts.iter().find(|p| p.iter().any(|q| q.0 < 0.0)).unwrap();
        assert!(east.iter().all(|q| q.0 >= 170.0) && east.iter().any(|q| q.0 == 180.0));
        assert!(west.iter().all(|q| q.0 <= -170.0) && west.iter().any(|q| q.0 == -180.0));
    }
}
