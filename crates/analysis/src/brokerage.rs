//! Gould-Fernandez brokerage roles (1989): for every two-step path a → v → c
//! with no direct a → c tie, the broker v plays a role named by who belongs
//! to which group (bloc).

use serde::Serialize;
use std::collections::HashSet;

/// Counts of open two-paths through a node, by role.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Roles {
    /// a, v, c all in one group: brokering inside the bloc.
    pub coordinator: usize,
    /// a and c in one group, v outside it: an outside consultant.
    pub itinerant: usize,
    /// v in a's group, c elsewhere: speaks for its bloc to outsiders.
    pub representative: usize,
    /// v in c's group, a elsewhere: controls what reaches its bloc.
    pub gatekeeper: usize,
    /// a, v, c in three groups.
    pub liaison: usize,
}

impl Roles {
    pub fn total(&self) -> usize {
        self.coordinator + self.itinerant + self.representative + self.gatekeeper + self.liaison
    }
}

/// Roles of every node over directed `arcs` (pairs of node indices) with
/// `group[v]` the bloc of each node. For undirected ties pass both
/// directions: each open pair is then counted once per direction.
pub fn gould_fernandez(n: usize, arcs: &[(usize, usize)], group: &[usize]) -> Vec<Roles> {
    let set: HashSet<(usize, usize)> = arcs
        .iter()
        .copied()
        .filter(|&(a, b)| a != b && a < n && b < n)
        .collect();
    let mut ins = vec![Vec::new(); n];
    let mut outs = vec![Vec::new(); n];
    let mut sorted: Vec<(usize, usize)> = set.iter().copied().collect();
    sorted.sort_unstable();
    for &(a, b) in &sorted {
        outs[a].push(b);
        ins[b].push(a);
    }
    let g = |v: usize| group.get(v).copied().unwrap_or(usize::MAX - v);
    let mut roles = vec![Roles::default(); n];
    for v in 0..n {
        for &a in &ins[v] {
            for &c in &outs[v] {
                if a == c || set.contains(&(a, c)) {
                    continue;
                }
                let r = &mut roles[v];
                let (ga, gv, gc) = (g(a), g(v), g(c));
                match (ga == gv, gv == gc, ga == gc) {
                    (true, true, _) => r.coordinator += 1,
                    (false, false, true) => r.itinerant += 1,
                    (true, false, _) => r.representative += 1,
                    (false, true, _) => r.gatekeeper += 1,
                    (false, false, false) => r.liaison += 1,
                }
            }
        }
    }
    roles
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(edges: &[(usize, usize)]) -> Vec<(usize, usize)> {
        edges.iter().flat_map(|&(a, b)| [(a, b), (b, a)]).collect()
    }

    #[test]
    fn each_role_from_its_textbook_triad() {
        // a=0 -> v=1 -> c=2, groups chosen per role.
        let arcs = [(0, 1), (1, 2)];
        let role = |groups: [usize; 3]| gould_fernandez(3, &arcs, &groups)[1];
        assert_eq!(role([0, 0, 0]).coordinator, 1);
        assert_eq!(role([0, 1, 0]).itinerant, 1);
        assert_eq!(role([0, 0, 1]).representative, 1);
        assert_eq!(role([0, 1, 1]).gatekeeper, 1);
        assert_eq!(role([0, 1, 2]).liaison, 1);
        // A direct tie closes the triad: no brokerage.
        let closed = gould_fernandez(3, &[(0, 1), (1, 2), (0, 2)], &[0, 0, 0]);
        assert_eq!(closed[1].total(), 0);
    }

    #[test]
    fn the_bridge_between_two_blocs_represents_and_gatekeeps() {
        // Bloc 0: {0,1,2}, bloc 1: {3,4}; 2 bridges to 3.
        let arcs = both(&[(0, 1), (1, 2), (0, 2), (2, 3), (3, 4)]);
        let r = gould_fernandez(5, &arcs, &[0, 0, 0, 1, 1]);
        // 0->2->3, 1->2->3: representative; 3->2->0, 3->2->1: gatekeeper.
        assert_eq!(
            r[2],
            Roles {
                representative: 2,
                gatekeeper: 2,
                ..Roles::default()
            }
        );
        assert_eq!(
            r[3],
            Roles {
                representative: 1,
                gatekeeper: 1,
                ..Roles::default()
            }
        );
        assert_eq!(r[0].total(), 0);
    }
}
