//! The current (filtered) data as a dataset in the same schema: the visible deployments with
//! the sources and companies they cite.

use crate::data::model::{Dataset, Deployment};
use std::collections::BTreeSet;

pub fn subset(ds: &Dataset, deployments: &[Deployment]) -> Dataset {
    let sources: BTreeSet<&str> = deployments.iter().flat_map(|d| d.sources.iter().map(String::as_str)).collect();
    let companies: BTreeSet<&str> = deployments.iter().flat_map(|d| d.companies.iter().map(String::as_str)).collect();
    let companies: Vec<_> = ds.companies.iter().filter(|c| companies.contains(c.id.as_str())).cloned().collect();
    let sanction_sources: BTreeSet<&str> = companies.iter().flat_map(|c| c.sanctions.iter().flat_map(|s| s.sources.iter().map(String::as_str)).chain(c.sources.iter().map(String::as_str))).collect();
    Dataset {
        meta: ds.meta.clone(),
        sources: ds.sources.iter().filter(|s| sources.contains(s.id.as_str()) || sanction_sources.contains(s.id.as_str())).cloned().collect(),
        companies,
        deployments: deployments.to_vec(),
        events: vec![],
        figures: vec![],
        story: vec![],
        changelog: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::*;

    #[test]
    fn keeps_only_what_the_deployments_cite() {
        let src = |id: &str| Source { id: id.into(), publisher: "P".into(), title: "T".into(), date: "2020".into(), url: None, via: None, author: None, lang: None };
        let co = |id: &str, s: &[&str]| Company { id: id.into(), name: id.into(), headquarters: "X".into(), ownership: Ownership::Private, summary: String::new(), sanctions: vec![Sanction { list: SanctionList::UsEntityList, date: "2019".into(), note: String::new(), sources: s.iter().map(|x| x.to_string()).collect() }], sources: vec![] };
        let dep = Deployment { sources: vec!["a".into()], ..Deployment::sample("d", "KEN", 2014, "huawei", Category::SafeCity, Evidence::Confirmed) };
        let ds = Dataset { sources: vec![src("a"), src("b"), src("c")], companies: vec![co("huawei", &["c"]), co("zte", &["b"])], deployments: vec![dep.clone()], ..Default::default() };
        let out = subset(&ds, &[dep]);
        assert_eq!(out.sources.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["a", "c"]);
        assert_eq!(out.companies.len(), 1);
        let report = crate::data::validate::validate(&out, &crate::geo::world::CountryIndex::from_codes(["KEN"]));
        assert!(!report.has_errors(), "{:?}", report.problems);
    }
}
