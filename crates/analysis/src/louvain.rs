//! Blocs: Louvain community detection (Blondel et al. 2008) on the
//! cooperation graph, with modularity.
//!
//! Nodes are visited in index order and ties in gain keep a node where it is,
//! so the same graph always gives the same blocs.

use crate::network::WeightedGraph;
use serde::Serialize;

/// A division of the nodes into blocs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Partition {
    /// Bloc of each node, numbered `0..count` in order of each bloc's first node.
    pub community: Vec<usize>,
    pub count: usize,
    /// Newman-Girvan modularity of this division on the input graph.
    pub modularity: f64,
}

impl Partition {
    /// Members of each bloc, in node order.
    pub fn members(&self) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); self.count];
        for (v, &c) in self.community.iter().enumerate() {
            out[c].push(v);
        }
        out
    }
}

/// Modularity Q = Σ_c [ L_c / m − (D_c / 2m)² ] of `community` on `g`.
pub fn modularity(g: &WeightedGraph, community: &[usize]) -> f64 {
    let k = community.iter().copied().max().map_or(0, |m| m + 1);
    let mut internal = vec![0.0; k];
    let mut degree = vec![0.0; k];
    let mut two_m = 0.0;
    for (v, nbrs) in g.adj.iter().enumerate() {
        for &(w, wt) in nbrs {
            two_m += wt;
            degree[community[v]] += wt;
            if community[v] == community[w] {
                // Each internal edge is seen from both ends: half each time.
                internal[community[v]] += wt / 2.0;
            }
        }
    }
    if two_m <= 0.0 {
        return 0.0;
    }
    let m = two_m / 2.0;
    (0..k)
        .map(|c| internal[c] / m - (degree[c] / two_m).powi(2))
        .sum()
}

/// A graph at one Louvain level: merged nodes carry their inner weight as a loop.
struct Level {
    adj: Vec<Vec<(usize, f64)>>,
    loops: Vec<f64>,
}

impl Level {
    fn degree(&self, v: usize) -> f64 {
        2.0 * self.loops[v] + self.adj[v].iter().map(|&(_, w)| w).sum::<f64>()
    }
}

/// Moves nodes between communities while modularity grows; returns the
/// community of each node (renumbered densely) and whether anything moved.
fn one_level(g: &Level) -> (Vec<usize>, bool) {
    let n = g.adj.len();
    let deg: Vec<f64> = (0..n).map(|v| g.degree(v)).collect();
    let two_m: f64 = deg.iter().sum();
    let mut comm: Vec<usize> = (0..n).collect();
    let mut tot = deg.clone();
    let mut moved_any = false;
    if two_m <= 0.0 {
        return (comm, false);
    }
    let mut links = vec![0.0; n];
    let mut touched: Vec<usize> = Vec::new();
    // A pass limit guards against endless flip-flops on float noise.
    for _pass in 0..100 {
        let mut moved = false;
        for v in 0..n {
            let own = comm[v];
            for &(w, wt) in &g.adj[v] {
                if links[comm[w]] == 0.0 {
                    touched.push(comm[w]);
                }
                links[comm[w]] += wt;
            }
            tot[own] -= deg[v];
            let gain = |c: usize, links: &[f64]| links[c] - tot[c] * deg[v] / two_m;
            let mut best = own;
            let mut best_gain = gain(own, &links);
            for &c in &touched {
                let gc = gain(c, &links);
                if gc > best_gain + 1e-12 || (gc > best_gain - 1e-12 && c < best && best != own) {
                    best = c;
                    best_gain = gc;
                }
            }
            tot[best] += deg[v];
            if best != own {
                comm[v] = best;
                moved = true;
                moved_any = true;
            }
            for &c in &touched {
                links[c] = 0.0;
            }
            touched.clear();
        }
        if !moved {
            break;
        }
    }
    (renumber(&comm), moved_any)
}

fn renumber(comm: &[usize]) -> Vec<usize> {
    let mut map = vec![usize::MAX; comm.len()];
    let mut next = 0;
    comm.iter()
        .map(|&c| {
            if map[c] == usize::MAX {
                map[c] = next;
                next += 1;
            }
            map[c]
        })
        .collect()
}

fn aggregate(g: &Level, comm: &[usize]) -> Level {
    let k = comm.iter().copied().max().map_or(0, |m| m + 1);
    let mut loops = vec![0.0; k];
    let mut adj: Vec<Vec<(usize, f64)>> = vec![Vec::new(); k];
    for v in 0..g.adj.len() {
        loops[comm[v]] += g.loops[v];
        for &(w, wt) in &g.adj[v] {
            let (a, b) = (comm[v], comm[w]);
            if a == b {
                loops[a] += wt / 2.0;
            } else if let Some(e) = adj[a].iter_mut().find(|e| e.0 == b) {
                e.1 += wt;
            } else {
                adj[a].push((b, wt));
            }
        }
    }
    Level { adj, loops }
}

/// Louvain communities of an undirected weighted graph. Nodes without ties
/// form blocs of their own.
pub fn louvain(g: &WeightedGraph) -> Partition {
    let n = g.len();
    let mut of_node: Vec<usize> = (0..n).collect();
    let mut level = Level {
        adj: g.adj.clone(),
        loops: vec![0.0; n],
    };
    // Each level at least halves nothing in the worst case, so bound the loop.
    for _ in 0..32 {
        let (comm, moved) = one_level(&level);
        if !moved {
            break;
        }
        for c in &mut of_node {
            *c = comm[*c];
        }
        level = aggregate(&level, &comm);
    }
    let community = renumber(&of_node);
    let count = community.iter().copied().max().map_or(0, |m| m + 1);
    let modularity = modularity(g, &community);
    Partition {
        community,
        count,
        modularity,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clique(nodes: &[usize], w: f64, edges: &mut Vec<(usize, usize, f64)>) {
        for (i, &a) in nodes.iter().enumerate() {
            for &b in &nodes[i + 1..] {
                edges.push((a, b, w));
            }
        }
    }

    #[test]
    fn two_cliques_and_a_bridge_make_two_blocs() {
        let mut e = Vec::new();
        clique(&[0, 1, 2, 3], 1.0, &mut e);
        clique(&[4, 5, 6, 7], 1.0, &mut e);
        e.push((3, 4, 1.0));
        let g = WeightedGraph::from_edges(8, &e);
        let p = louvain(&g);
        assert_eq!(p.community, vec![0, 0, 0, 0, 1, 1, 1, 1]);
        assert_eq!(p.count, 2);
        // 2 × (6/13 − (13/26)²) = 0.4231
        assert!(
            (p.modularity - 0.423_076_9).abs() < 1e-6,
            "{}",
            p.modularity
        );
        assert_eq!(p.members(), vec![vec![0, 1, 2, 3], vec![4, 5, 6, 7]]);
    }

    #[test]
    fn three_planted_blocs_are_found_in_any_node_order() {
        // Interleaved indices so that the fixed visiting order is no help.
        let blocs = [[0, 3, 6, 9, 12], [1, 4, 7, 10, 13], [2, 5, 8, 11, 14]];
        let mut e = Vec::new();
        for b in &blocs {
            clique(b, 2.0, &mut e);
        }
        e.push((0, 1, 0.5));
        e.push((4, 2, 0.5));
        let g = WeightedGraph::from_edges(15, &e);
        let p = louvain(&g);
        assert_eq!(p.count, 3);
        for b in &blocs {
            assert!(b.iter().all(|&v| p.community[v] == p.community[b[0]]));
        }
        assert!(p.modularity > 0.6);
    }

    #[test]
    fn isolated_nodes_are_blocs_of_their_own() {
        let g = WeightedGraph::from_edges(3, &[]);
        let p = louvain(&g);
        assert_eq!(p.community, vec![0, 1, 2]);
        assert_eq!(p.modularity, 0.0);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Louvain starts from singletons and only takes improving moves, so
        /// it never ends below them; and its reported modularity is the real one.
        #[test]
        fn louvain_never_loses_to_singletons(edges in proptest::collection::vec((0usize..12, 0usize..12, 1u8..6), 0..40)) {
            let e: Vec<(usize, usize, f64)> = edges.iter().map(|&(a, b, w)| (a, b, f64::from(w))).collect();
            let g = WeightedGraph::from_edges(12, &e);
            let p = louvain(&g);
            let singletons: Vec<usize> = (0..12).collect();
            proptest::prop_assert!(p.modularity + 1e-9 >= modularity(&g, &singletons));
            proptest::prop_assert!((p.modularity - modularity(&g, &p.community)).abs() < 1e-12);
            proptest::prop_assert_eq!(p.community.len(), 12);
            proptest::prop_assert!(p.community.iter().all(|&c| c < p.count));
        }
    }

    #[test]
    fn modularity_of_everything_together_is_zero() {
        let g = WeightedGraph::from_edges(3, &[(0, 1, 1.0), (1, 2, 1.0)]);
        assert!(modularity(&g, &[0, 0, 0]).abs() < 1e-12);
    }
}
