//! Presentation-mode keys: what presentation clickers and keyboards send.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoryKey {
    Next,
    Previous,
    First,
    Last,
    Exit,
    /// Show or hide the presenter notes.
    Notes,
}

/// Maps a key to a story move. Space and Enter on a focused button are left to the button
/// (`on_button`), so they do not act twice.
pub fn story_key(key: &str, shift: bool, on_button: bool) -> Option<StoryKey> {
    match key {
        "ArrowRight" | "ArrowDown" | "PageDown" => Some(StoryKey::Next),
        "n" | "N" => Some(StoryKey::Notes),
        " " | "Spacebar" if !on_button => Some(if shift { StoryKey::Previous } else { StoryKey::Next }),
        "ArrowLeft" | "ArrowUp" | "PageUp" | "p" | "P" | "Backspace" => Some(StoryKey::Previous),
        "Home" => Some(StoryKey::First),
        "End" => Some(StoryKey::Last),
        "Escape" => Some(StoryKey::Exit),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clicker_keys_move_through_the_story() {
        assert_eq!(story_key("PageDown", false, false), Some(StoryKey::Next));
        assert_eq!(story_key("PageUp", false, false), Some(StoryKey::Previous));
        assert_eq!(story_key("ArrowRight", false, true), Some(StoryKey::Next));
        assert_eq!(story_key(" ", false, false), Some(StoryKey::Next));
        assert_eq!(story_key(" ", true, false), Some(StoryKey::Previous));
        assert_eq!(story_key(" ", false, true), None, "Space on a button presses the button");
        assert_eq!(story_key("Escape", false, false), Some(StoryKey::Exit));
        assert_eq!(story_key("Home", false, false), Some(StoryKey::First));
        assert_eq!(story_key("x", false, false), None);
        assert_eq!(story_key("N", true, false), Some(StoryKey::Notes));
        assert_eq!(story_key("n", false, true), Some(StoryKey::Notes));
    }
}
