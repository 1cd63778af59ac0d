//! The classroom handout's numbered source list: every source the key figures and the story
//! steps cite, numbered in order of first citation (figures first, then the steps in order), so
//! that each figure and step can point to its sources as [1], [2]. Pure.

use crate::data::model::{Dataset, Source};

/// The numbered sources: `sources()[i]` is number `i + 1`.
#[derive(Debug, Clone, PartialEq)]
pub struct Numbered<'a> {
    list: Vec<&'a Source>,
}

impl<'a> Numbered<'a> {
    pub fn new(ds: &'a Dataset) -> Numbered<'a> {
        let cited = ds.figures.iter().flat_map(|f| f.sources.iter()).chain(ds.story.iter().flat_map(|s| s.sources.iter()));
        let mut list: Vec<&Source> = Vec::new();
        for id in cited {
            if let Some(src) = ds.sources.iter().find(|s| &s.id == id) {
                if !list.iter().any(|s| s.id == src.id) {
                    list.push(src);
                }
            }
        }
        Numbered { list }
    }

    pub fn sources(&self) -> &[&'a Source] {
        &self.list
    }

    /// The numbers of these source ids (unknown ids are left out), as "[1], [4]".
    pub fn refs(&self, ids: &[String]) -> String {
        ids.iter().filter_map(|id| self.list.iter().position(|s| &s.id == id)).map(|i| format!("[{}]", i + 1)).collect::<Vec<_>>().join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::{Figure, StoryStep};

    fn src(id: &str) -> Source {
        Source { id: id.into(), publisher: "P".into(), title: "T".into(), date: "2019".into(), ..Default::default() }
    }

    #[test]
    fn sources_are_numbered_by_first_citation() {
        let step = |id: &str, sources: &[&str]| StoryStep { id: id.into(), year: 2019, country: None, region: None, caption: "c".into(), sources: sources.iter().map(|s| s.to_string()).collect(), notes: String::new(), notes_lang: None };
        let ds = Dataset {
            sources: vec![src("a"), src("b"), src("c"), src("unused")],
            figures: vec![Figure { id: "f".into(), value: "1".into(), label: "l".into(), detail: String::new(), year: 2019, sources: vec!["c".into()], company: None }],
            story: vec![step("s1", &["b", "c"]), step("s2", &["a", "b", "missing"])],
            ..Default::default()
        };
        let n = Numbered::new(&ds);
        assert_eq!(n.sources().iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["c", "b", "a"]);
        assert_eq!(n.refs(&ds.story[0].sources), "[2], [1]");
        assert_eq!(n.refs(&ds.story[1].sources), "[3], [2]");
        assert_eq!(n.refs(&[]), "");
    }
}
