//! Span bookkeeping for the finder's passes, so that each check costs a
//! logarithm rather than a scan of every candidate so far: on a document of
//! thousands of quotes the scans made the finder quadratic.

use std::collections::BTreeSet;

/// Spans `[start, end)` that answer "does any overlap this one?" as
/// `start < end'` and `start' < end` (empty spans included, as a scan would).
/// The starts of every span to be inserted are known up front.
pub(super) struct Overlaps {
    /// Sorted distinct starts.
    keys: Vec<usize>,
    /// A Fenwick tree of the greatest end per start (0: none yet).
    max_end: Vec<usize>,
}

impl Overlaps {
    pub(super) fn new(starts: impl Iterator<Item = usize>) -> Overlaps {
        let mut keys: Vec<usize> = starts.collect();
        keys.sort_unstable();
        keys.dedup();
        let max_end = vec![0; keys.len() + 1];
        Overlaps { keys, max_end }
    }

    /// Adds a span whose start was among those given to `new`.
    pub(super) fn insert(&mut self, [start, end]: [usize; 2]) {
        let Ok(k) = self.keys.binary_search(&start) else {
            debug_assert!(false, "start {start} not announced");
            return;
        };
        let mut i = k + 1;
        while i < self.max_end.len() {
            self.max_end[i] = self.max_end[i].max(end);
            i += i & i.wrapping_neg();
        }
    }

    pub(super) fn overlaps(&self, [start, end]: [usize; 2]) -> bool {
        // The greatest end among spans starting before `end`.
        let mut i = self.keys.partition_point(|&s| s < end);
        let mut best = 0;
        while i > 0 {
            best = best.max(self.max_end[i]);
            i -= i & i.wrapping_neg();
        }
        best > start
    }
}

/// The direct quotes still standing while indirect speech is found, indexed
/// by where their cue starts and where their content starts.
#[derive(Default)]
pub(super) struct Directs {
    /// (byte offset of the cue's first token, candidate index).
    by_cue: BTreeSet<(usize, usize)>,
    /// (content start, content end, candidate index).
    by_start: BTreeSet<(usize, usize, usize)>,
    /// The cue offset of each indexed candidate, to remove it again.
    cue_of: Vec<(usize, Option<usize>)>,
}

impl Directs {
    pub(super) fn insert(&mut self, idx: usize, content: [usize; 2], cue: Option<usize>) {
        if let Some(p) = cue {
            self.by_cue.insert((p, idx));
        }
        self.by_start.insert((content[0], content[1], idx));
        self.cue_of.push((idx, cue));
    }

    /// Whether a cue of a standing direct quote starts in `[lo, hi)`.
    pub(super) fn cue_within(&self, [lo, hi]: [usize; 2]) -> bool {
        lo < hi && self.by_cue.range((lo, 0)..(hi, 0)).next().is_some()
    }

    /// Removes the direct quotes whose content lies wholly in `[lo, hi]`,
    /// returning their candidate indices.
    pub(super) fn take_within(&mut self, [lo, hi]: [usize; 2]) -> Vec<usize> {
        let gone: Vec<(usize, usize, usize)> = self
            .by_start
            .range((lo, 0, 0)..)
            .take_while(|&&(s, _, _)| s <= hi)
            .filter(|&&(_, e, _)| e <= hi)
            .copied()
            .collect();
        let mut out = Vec::with_capacity(gone.len());
        for key in gone {
            self.by_start.remove(&key);
            let idx = key.2;
            if let Ok(k) = self.cue_of.binary_search_by_key(&idx, |&(i, _)| i) {
                if let Some(p) = self.cue_of[k].1 {
                    self.by_cue.remove(&(p, idx));
                }
            }
            out.push(idx);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The structures answer as the scans they replace, on every small case.
    #[test]
    fn same_as_scans() {
        let spans: Vec<[usize; 2]> = (0..6).flat_map(|a| (a..7).map(move |b| [a, b])).collect();
        for (n, first) in spans.iter().enumerate() {
            let set = [*first, spans[(n * 7) % spans.len()]];
            let mut o = Overlaps::new(set.iter().map(|s| s[0]));
            for s in set {
                o.insert(s);
            }
            for q in &spans {
                let scan = set.iter().any(|d| d[0] < q[1] && q[0] < d[1]);
                assert_eq!(o.overlaps(*q), scan, "{set:?} {q:?}");
            }
            let mut d = Directs::default();
            for (i, s) in set.iter().enumerate() {
                d.insert(i, *s, Some(s[0] + 1));
            }
            for q in &spans {
                let scan = set.iter().any(|s| q[0] <= s[0] + 1 && s[0] + 1 < q[1]);
                assert_eq!(d.cue_within(*q), scan, "{set:?} {q:?}");
            }
        }
        let mut d = Directs::default();
        d.insert(0, [2, 4], Some(1));
        d.insert(1, [5, 9], Some(4));
        d.insert(2, [10, 12], None);
        assert_eq!(d.take_within([2, 9]), vec![0, 1]);
        assert!(!d.cue_within([0, 20]));
        assert_eq!(d.take_within([0, 20]), vec![2]);
    }
}
