//! Turning projected rings into compact SVG path data, and the bounding-box maths the map needs.

/// Axis-aligned box in map pixels: `[x0, y0, x1, y1]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl BBox {
    pub const EMPTY: BBox = BBox { x0: f64::INFINITY, y0: f64::INFINITY, x1: f64::NEG_INFINITY, y1: f64::NEG_INFINITY };

    pub fn add(&mut self, (x, y): (f64, f64)) {
        self.x0 = self.x0.min(x);
        self.y0 = self.y0.min(y);
        self.x1 = self.x1.max(x);
        self.y1 = self.y1.max(y);
    }

    pub fn union(mut self, other: BBox) -> BBox {
        self.add((other.x0, other.y0));
        self.add((other.x1, other.y1));
        self
    }

    pub fn is_empty(&self) -> bool {
        self.x0 > self.x1 || self.y0 > self.y1
    }

    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    pub fn to_array(self) -> [f64; 4] {
        [self.x0, self.y0, self.x1, self.y1]
    }

    pub fn from_array(a: [f64; 4]) -> BBox {
        BBox { x0: a[0], y0: a[1], x1: a[2], y1: a[3] }
    }
}

/// Signed area of a closed ring (shoelace formula); positive when clockwise on screen.
pub fn ring_area(ring: &[(f64, f64)]) -> f64 {
    ring.windows(2).map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1).sum::<f64>() / 2.0
}

/// Area-weighted centroid of a ring; falls back to the mean of the points for degenerate rings.
pub fn ring_centroid(ring: &[(f64, f64)]) -> (f64, f64) {
    let a = ring_area(ring);
    if a.abs() < 1e-9 {
        let n = ring.len().max(1) as f64;
        let (sx, sy) = ring.iter().fold((0.0, 0.0), |(sx, sy), p| (sx + p.0, sy + p.1));
        return (sx / n, sy / n);
    }
    let (mut cx, mut cy) = (0.0, 0.0);
    for w in ring.windows(2) {
        let cross = w[0].0 * w[1].1 - w[1].0 * w[0].1;
        cx += (w[0].0 + w[1].0) * cross;
        cy += (w[0].1 + w[1].1) * cross;
    }
    (cx / (6.0 * a), cy / (6.0 * a))
}

fn perpendicular_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt();
    if len == 0.0 {
        return ((p.0 - a.0).powi(2) + (p.1 - a.1).powi(2)).sqrt();
    }
    ((p.0 - a.0) * dy - (p.1 - a.1) * dx).abs() / len
}

/// Ramer–Douglas–Peucker simplification of an open polyline; keeps both end points.
pub fn simplify(points: &[(f64, f64)], tolerance: f64) -> Vec<(f64, f64)> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0, points.len() - 1)];
    while let Some((s, e)) = stack.pop() {
        let (mut idx, mut max) = (0, 0.0);
        for i in s + 1..e {
            let d = perpendicular_distance(points[i], points[s], points[e]);
            if d > max {
                idx = i;
                max = d;
            }
        }
        if max > tolerance {
            keep[idx] = true;
            stack.push((s, idx));
            stack.push((idx, e));
        }
    }
    points.iter().zip(keep).filter_map(|(p, k)| k.then_some(*p)).collect()
}

/// Rounds to one decimal in tenths, as integers, so relative steps add up exactly.
fn tenths(v: f64) -> i64 {
    (v * 10.0).round() as i64
}

fn push_num(out: &mut String, tenths: i64) {
    let neg = tenths < 0;
    let a = tenths.unsigned_abs();
    let (int, frac) = (a / 10, a % 10);
    let mut s = String::new();
    if neg {
        s.push('-');
    }
    if int != 0 || frac == 0 {
        s.push_str(&int.to_string());
    }
    if frac != 0 {
        s.push('.');
        s.push_str(&frac.to_string());
    }
    // A separator is needed unless this follows a command letter or starts with '-'.
    let needs_sep = match out.chars().last() {
        None => false,
        Some(c) if c.is_ascii_alphabetic() => false,
        Some(_) => !neg,
    };
    if needs_sep {
        out.push(' ');
    }
    out.push_str(&s);
}

/// Encodes closed rings (pixel coordinates) as SVG path data with relative line-tos at 0.1 px.
/// Rings that collapse to fewer than three distinct points are dropped.
pub fn rings_to_path(rings: &[Vec<(f64, f64)>], tolerance: f64) -> String {
    let mut out = String::new();
    for ring in rings {
        let simplified = simplify(ring, tolerance);
        let mut pts: Vec<(i64, i64)> = simplified.iter().map(|p| (tenths(p.0), tenths(p.1))).collect();
        pts.dedup();
        if pts.len() > 1 && pts.first() == pts.last() {
            pts.pop();
        }
        if pts.len() < 3 {
            continue;
        }
        out.push('M');
        push_num(&mut out, pts[0].0);
        push_num(&mut out, pts[0].1);
        out.push('l');
        for w in pts.windows(2) {
            push_num(&mut out, w[1].0 - w[0].0);
            push_num(&mut out, w[1].1 - w[0].1);
        }
        out.push('z');
    }
    out
}

/// Parses path data written by [`rings_to_path`] back into absolute points, one Vec per ring.
/// (Only `M`, `l` and `z` occur.) Used by tests and by the bounding-box check.
pub fn parse_path(d: &str) -> Vec<Vec<(f64, f64)>> {
    let mut rings = Vec::new();
    let mut nums: Vec<f64> = Vec::new();
    let mut cmd = ' ';
    let mut cur = (0.0, 0.0);
    let mut ring: Vec<(f64, f64)> = Vec::new();
    let flush = |cmd: char, nums: &mut Vec<f64>, ring: &mut Vec<(f64, f64)>, cur: &mut (f64, f64)| {
        for pair in nums.chunks(2) {
            if pair.len() < 2 {
                break;
            }
            *cur = if cmd == 'M' { (pair[0], pair[1]) } else { (cur.0 + pair[0], cur.1 + pair[1]) };
            ring.push(*cur);
        }
        nums.clear();
    };
    let mut token = String::new();
    let end_token = |token: &mut String, nums: &mut Vec<f64>| {
        if !token.is_empty() {
            if let Ok(v) = token.parse() {
                nums.push(v);
            }
            token.clear();
        }
    };
    for c in d.chars() {
        match c {
            'M' | 'l' | 'z' => {
                end_token(&mut token, &mut nums);
                flush(cmd, &mut nums, &mut ring, &mut cur);
                if c == 'z' && !ring.is_empty() {
                    rings.push(std::mem::take(&mut ring));
                }
                cmd = c;
            }
            '-' => {
                end_token(&mut token, &mut nums);
                token.push(c);
            }
            '.' if token.contains('.') => {
                end_token(&mut token, &mut nums);
                token.push(c);
            }
            ' ' | ',' => end_token(&mut token, &mut nums),
            _ => token.push(c),
        }
    }
    end_token(&mut token, &mut nums);
    flush(cmd, &mut nums, &mut ring, &mut cur);
    if !ring.is_empty() {
        rings.push(ring);
    }
    rings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn area_and_centroid_of_a_square() {
        let sq = vec![(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0)];
        assert_eq!(ring_area(&sq).abs(), 4.0);
        assert_eq!(ring_centroid(&sq), (1.0, 1.0));
    }

    #[test]
    fn simplify_drops_collinear_points_and_keeps_corners() {
        let line = vec![(0.0, 0.0), (1.0, 0.01), (2.0, 0.0), (2.0, 5.0)];
        assert_eq!(simplify(&line, 0.1), vec![(0.0, 0.0), (2.0, 0.0), (2.0, 5.0)]);
        assert_eq!(simplify(&line, 0.001).len(), 4);
    }

    #[test]
    fn path_round_trips_through_parse() {
        let ring = vec![(10.04, 20.0), (15.5, 20.0), (15.5, 24.25), (9.96, 24.0), (10.04, 20.0)];
        let d = rings_to_path(&[ring], 0.0);
        assert!(d.starts_with("M10 20l"), "{d}");
        assert!(d.ends_with('z'));
        let back = parse_path(&d);
        assert_eq!(back.len(), 1);
        let expect = [(10.0, 20.0), (15.5, 20.0), (15.5, 24.3), (10.0, 24.0)];
        for (a, b) in back[0].iter().zip(expect) {
            assert!((a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9, "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn degenerate_rings_are_dropped() {
        let tiny = vec![(1.0, 1.0), (1.01, 1.01), (1.0, 1.0)];
        assert_eq!(rings_to_path(&[tiny], 0.0), "");
    }

    #[test]
    fn negative_and_fractional_numbers_need_no_separator_after_a_letter() {
        let ring = vec![(0.5, 0.5), (0.0, 0.0), (0.5, -0.5), (0.5, 0.5)];
        let d = rings_to_path(&[ring], 0.0);
        assert_eq!(d, "M.5 .5l-.5-.5 .5-.5z");
        assert_eq!(parse_path(&d)[0], vec![(0.5, 0.5), (0.0, 0.0), (0.5, -0.5)]);
    }

    #[test]
    fn bbox_union() {
        let mut b = BBox::EMPTY;
        assert!(b.is_empty());
        b.add((1.0, 2.0));
        b.add((3.0, -1.0));
        assert_eq!(b.to_array(), [1.0, -1.0, 3.0, 2.0]);
        let u = b.union(BBox { x0: 0.0, y0: 0.0, x1: 5.0, y1: 1.0 });
        assert_eq!(u.to_array(), [0.0, -1.0, 5.0, 2.0]);
    }
}
