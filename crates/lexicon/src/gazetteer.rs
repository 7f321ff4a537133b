//! Name lookup over the gazetteer (`places.tsv`): folded name or alias ->
//! the places it may name, most populous first.

use crate::norm::fold;
use crate::Place;
use std::collections::HashMap;

/// An index of [`Place`] rows by folded name and alias.
#[derive(Debug, Clone)]
pub struct Gazetteer<'a> {
    places: &'a [Place],
    by_name: HashMap<String, Vec<u32>>,
}

impl<'a> Gazetteer<'a> {
    pub fn new(places: &'a [Place]) -> Gazetteer<'a> {
        let mut by_name: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, p) in places.iter().enumerate() {
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                let list = by_name.entry(fold(n)).or_default();
                if !list.contains(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
        for list in by_name.values_mut() {
            // Most populous first; ties keep file order.
            list.sort_by_key(|&i| std::cmp::Reverse(places[i as usize].population));
        }
        Gazetteer { places, by_name }
    }

    /// Every place `name` may name (folded here: case and diacritics do not
    /// matter), most populous first; empty when unknown.
    pub fn lookup(&self, name: &str) -> Vec<&'a Place> {
        let places = self.places;
        self.by_name
            .get(&fold(name.trim()))
            .map(|l| l.iter().map(|&i| &places[i as usize]).collect())
            .unwrap_or_default()
    }

    /// The most populous place of that name, if any.
    pub fn best(&self, name: &str) -> Option<&'a Place> {
        self.lookup(name).into_iter().next()
    }

    /// All rows, in file order.
    pub fn places(&self) -> &'a [Place] {
        self.places
    }
}

#[cfg(test)]
mod tests {
    use crate::Lexicon;

    #[test]
    fn looks_up_folded_names() {
        let files = vec![(
            "places.tsv".to_string(),
            "name\taliases\tkind\tsubtype\tcountry\tlat\tlon\tpopulation\n\
             Lagos\tEko\tcity\t\tNGA\t6.45\t3.39\t15388000\n\
             Lagos\t\tcity\t\tPRT\t37.10\t-8.67\t33494\n\
             Idlib\t\tregion\tProvince\tSYR\t35.87\t36.61\t435557\n"
                .to_string(),
        )];
        let mut lex = Lexicon::default();
        lex.overlay(&files).unwrap();
        let g = lex.gazetteer();
        let l = g.lookup("LAGOS");
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].country, "NGA");
        assert_eq!(g.best("eko").map(|p| p.country.as_str()), Some("NGA"));
        assert_eq!(g.best("Idlib").map(|p| p.kind.as_str()), Some("region"));
        assert!(g.lookup("Atlantis").is_empty());
    }
}
