//! How far to scroll so that something the reader just chose is in view (pure arithmetic; the
//! browser side is `web::dom::reveal`).

/// The vertical scroll (positive = down) that brings `target` (top, bottom) inside `view`
/// (top, bottom), with `margin` px to spare: nothing when it is already inside; its top at the
/// view's top when it is taller than the view or above it; its bottom at the view's bottom when
/// it is below.
pub fn scroll_delta(target: (f64, f64), view: (f64, f64), margin: f64) -> f64 {
    let (t, b) = target;
    let (vt, vb) = (view.0 + margin, view.1 - margin);
    if t >= vt && b <= vb {
        0.0
    } else if b - t > vb - vt || t < vt {
        t - vt
    } else {
        b - vb
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolls_only_as_far_as_needed() {
        assert_eq!(scroll_delta((100.0, 200.0), (0.0, 800.0), 8.0), 0.0);
        // Below the view (e.g. under a bottom sheet whose top is at 400): bottom to 392.
        assert_eq!(scroll_delta((380.0, 450.0), (0.0, 400.0), 8.0), 58.0);
        // Above: top to 8.
        assert_eq!(scroll_delta((-300.0, -100.0), (0.0, 800.0), 8.0), -308.0);
        // Taller than the view: its top to the view's top.
        assert_eq!(scroll_delta((500.0, 1500.0), (0.0, 800.0), 8.0), 492.0);
    }
}
