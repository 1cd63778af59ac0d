//! Roving focus over the map's countries: one tab stop, arrow keys move between countries.

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

#[cfg(test)]
mod tests {
    use super::*;

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
