//! Roving focus over the map's countries: one tab stop, arrow keys move to the nearest
//! country in that direction on the map (Home/End jump to the first and last by name).

/// What a key press on the map asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MapKey {
    /// Move focus to the country at this position in the focus order.
    Focus(usize),
    Select,
    Clear,
    None,
}

/// Maps a key name (`KeyboardEvent.key`) to a map action, given the focus order's length
/// and the current position. Right/Down go forward, Left/Up back (wrapping), Home/End jump.
pub fn map_key(key: &str, len: usize, current: Option<usize>) -> MapKey {
    if len == 0 {
        return if key == "Escape" { MapKey::Clear } else { MapKey::None };
    }
    let cur = current.unwrap_or(0).min(len - 1);
    match key {
        "ArrowRight" | "ArrowDown" => MapKey::Focus(if current.is_none() { 0 } else { (cur + 1) % len }),
        "ArrowLeft" | "ArrowUp" => MapKey::Focus(if current.is_none() { len - 1 } else { (cur + len - 1) % len }),
        "Home" => MapKey::Focus(0),
        "End" => MapKey::Focus(len - 1),
        "Enter" | " " | "Spacebar" => MapKey::Select,
        "Escape" => MapKey::Clear,
        _ => MapKey::None,
    }
}

/// A direction on the map, from an arrow key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

impl Direction {
    pub fn from_key(key: &str) -> Option<Direction> {
        match key {
            "ArrowLeft" => Some(Direction::Left),
            "ArrowRight" => Some(Direction::Right),
            "ArrowUp" => Some(Direction::Up),
            "ArrowDown" => Some(Direction::Down),
            _ => None,
        }
    }

    /// Unit vector in map coordinates (y grows downwards, as in SVG).
    fn unit(self) -> (f64, f64) {
        match self {
            Direction::Left => (-1.0, 0.0),
            Direction::Right => (1.0, 0.0),
            Direction::Up => (0.0, -1.0),
            Direction::Down => (0.0, 1.0),
        }
    }
}

/// The country to move to from `from` in direction `dir`, among `points` (centroids in map
/// units, one per country in focus order). Only points within 60° of the direction count;
/// among them the nearest wins, with the sideways offset weighted double, so that ArrowRight
/// prefers a neighbour straight east over a nearer one far to the north-east. None when nothing
/// lies that way (the focus then stays put).
pub fn nearest_in_direction(points: &[(f64, f64)], from: usize, dir: Direction) -> Option<usize> {
    let &(x0, y0) = points.get(from)?;
    let (ux, uy) = dir.unit();
    points
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != from)
        .filter_map(|(i, &(x, y))| {
            let (dx, dy) = (x - x0, y - y0);
            let along = dx * ux + dy * uy;
            let across = (dx * uy - dy * ux).abs();
            // Within 60° of the direction: along > across · tan(30°).
            (along > 0.0 && along * 3f64.sqrt() >= across).then(|| (i, along + 2.0 * across))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    // A small map: Kenya in the middle, Somalia east, Uganda west, Ethiopia north, Tanzania
    // south, Pakistan far north-east, Mauritius far south-east.
    const PTS: [(f64, f64); 7] = [(100.0, 100.0), (120.0, 95.0), (85.0, 100.0), (105.0, 80.0), (100.0, 120.0), (180.0, 20.0), (160.0, 140.0)];

    #[test]
    fn arrows_move_to_the_nearest_country_that_way() {
        assert_eq!(nearest_in_direction(&PTS, 0, Direction::Right), Some(1));
        assert_eq!(nearest_in_direction(&PTS, 0, Direction::Left), Some(2));
        assert_eq!(nearest_in_direction(&PTS, 0, Direction::Up), Some(3));
        assert_eq!(nearest_in_direction(&PTS, 0, Direction::Down), Some(4));
        // From Somalia, further east: only the far north-east and south-east remain; Mauritius
        // (about 45 units east) is nearer along the axis than Pakistan.
        assert_eq!(nearest_in_direction(&PTS, 1, Direction::Right), Some(6));
    }

    #[test]
    fn nothing_that_way_keeps_focus() {
        assert_eq!(nearest_in_direction(&PTS, 5, Direction::Right), None);
        assert_eq!(nearest_in_direction(&PTS, 5, Direction::Up), None);
        assert_eq!(nearest_in_direction(&[], 0, Direction::Up), None);
        assert_eq!(nearest_in_direction(&PTS, 99, Direction::Up), None);
    }

    #[test]
    fn direction_comes_from_the_key() {
        assert_eq!(Direction::from_key("ArrowRight"), Some(Direction::Right));
        assert_eq!(Direction::from_key("ArrowUp"), Some(Direction::Up));
        assert_eq!(Direction::from_key("Enter"), None);
    }

    #[test]
    fn arrows_wrap_and_home_end_jump() {
        assert_eq!(map_key("ArrowRight", 3, Some(2)), MapKey::Focus(0));
        assert_eq!(map_key("ArrowLeft", 3, Some(0)), MapKey::Focus(2));
        assert_eq!(map_key("ArrowDown", 3, Some(0)), MapKey::Focus(1));
        assert_eq!(map_key("ArrowRight", 3, None), MapKey::Focus(0));
        assert_eq!(map_key("ArrowLeft", 3, None), MapKey::Focus(2));
        assert_eq!(map_key("Home", 3, Some(1)), MapKey::Focus(0));
        assert_eq!(map_key("End", 3, Some(1)), MapKey::Focus(2));
    }

    #[test]
    fn enter_space_select_escape_clears() {
        assert_eq!(map_key("Enter", 3, Some(1)), MapKey::Select);
        assert_eq!(map_key(" ", 3, Some(1)), MapKey::Select);
        assert_eq!(map_key("Escape", 3, Some(1)), MapKey::Clear);
        assert_eq!(map_key("Escape", 0, None), MapKey::Clear);
        assert_eq!(map_key("a", 3, Some(1)), MapKey::None);
        assert_eq!(map_key("ArrowRight", 0, None), MapKey::None);
    }
}
