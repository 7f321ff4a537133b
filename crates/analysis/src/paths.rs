//! Shortest cooperation paths: weighted betweenness and pair dependency
//! (Brandes 2001, 2008), written out because the graphs are small and no crate
//! gives both weights and pair dependencies.
//!
//! Tie strength `w` becomes the distance `1 / (1 + w)`: the more two actors
//! cooperate, the shorter the way between them, and every hop still costs
//! something, so a strong two-hop path can beat a weak direct tie but many
//! weak hops cannot.

use crate::network::WeightedGraph;
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Path lengths within this relative tolerance are equal: sums of floats
/// taken in different orders must still count as ties.
const EPS: f64 = 1e-9;

pub fn distance(weight: f64) -> f64 {
    1.0 / (1.0 + weight.max(0.0))
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= EPS * a.abs().max(b.abs()).max(1.0)
}

#[derive(PartialEq)]
struct Item(f64, usize);
impl Eq for Item {}
impl Ord for Item {
    fn cmp(&self, other: &Self) -> Ordering {
        // Min-heap on distance; node index breaks ties so runs are deterministic.
        other
            .0
            .total_cmp(&self.0)
            .then_with(|| other.1.cmp(&self.1))
    }
}
impl PartialOrd for Item {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// One single-source shortest-path run: nodes in order of distance, number
/// of shortest paths and predecessors on them.
struct Sssp {
    order: Vec<usize>,
    sigma: Vec<f64>,
    preds: Vec<Vec<usize>>,
}

fn sssp(g: &WeightedGraph, s: usize) -> Sssp {
    let n = g.len();
    let mut dist = vec![f64::INFINITY; n];
    let mut sigma = vec![0.0; n];
    let mut preds = vec![Vec::new(); n];
    let mut done = vec![false; n];
    let mut order = Vec::new();
    let mut heap = BinaryHeap::new();
    dist[s] = 0.0;
    sigma[s] = 1.0;
    heap.push(Item(0.0, s));
    while let Some(Item(d, v)) = heap.pop() {
        if done[v] || d > dist[v] {
            continue;
        }
        done[v] = true;
        order.push(v);
        for &(w, weight) in &g.adj[v] {
            if done[w] {
                continue;
            }
            let nd = d + distance(weight);
            if dist[w].is_finite() && same(nd, dist[w]) {
                sigma[w] += sigma[v];
                preds[w].push(v);
            } else if nd < dist[w] {
                dist[w] = nd;
                sigma[w] = sigma[v];
                preds[w].clear();
                preds[w].push(v);
                heap.push(Item(nd, w));
            }
        }
    }
    Sssp {
        order,
        sigma,
        preds,
    }
}

/// Betweenness of every node on the undirected graph: the number of
/// shortest paths between other pairs that run through it, each pair
/// counted once (unnormalised).
pub fn betweenness(g: &WeightedGraph) -> Vec<f64> {
    let n = g.len();
    let mut cb = vec![0.0; n];
    let mut delta = vec![0.0; n];
    for s in 0..n {
        let r = sssp(g, s);
        delta.iter_mut().for_each(|d| *d = 0.0);
        for &w in r.order.iter().rev() {
            for &v in &r.preds[w] {
                delta[v] += r.sigma[v] / r.sigma[w] * (1.0 + delta[w]);
            }
            if w != s {
                cb[w] += delta[w];
            }
        }
    }
    // Each unordered pair was seen from both ends.
    cb.iter_mut().for_each(|c| *c /= 2.0);
    cb
}

/// Betweenness scaled to [0, 1] by the number of pairs that could pass
/// through a node, so scores compare across networks of different sizes.
pub fn normalised(cb: &[f64]) -> Vec<f64> {
    let n = cb.len() as f64;
    let pairs = (n - 1.0) * (n - 2.0) / 2.0;
    cb.iter()
        .map(|c| if pairs > 0.0 { c / pairs } else { 0.0 })
        .collect()
}

/// A node on the shortest paths between two others.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Broker {
    pub node: usize,
    /// Pair dependency: the share of shortest `a`-`b` paths through the node (0..=1).
    pub score: f64,
}

/// Who lies on the shortest cooperation paths between `a` and `b`, ranked by
/// pair dependency δ_ab(v) = σ_ab(v) / σ_ab, best first (ties by index).
/// Empty when `a` and `b` are unconnected or tied directly with nothing shorter.
pub fn brokers_between(g: &WeightedGraph, a: usize, b: usize) -> Vec<Broker> {
    if a >= g.len() || b >= g.len() || a == b {
        return Vec::new();
    }
    let r = sssp(g, a);
    if r.sigma[b] == 0.0 {
        return Vec::new();
    }
    // Paths from each node to b within the shortest-path DAG, walking it
    // backwards from b.
    let mut to_b = vec![0.0; g.len()];
    to_b[b] = 1.0;
    for &w in r.order.iter().rev() {
        if to_b[w] == 0.0 {
            continue;
        }
        for &v in &r.preds[w] {
            to_b[v] += to_b[w];
        }
    }
    let mut out: Vec<Broker> = (0..g.len())
        .filter(|&v| v != a && v != b)
        .map(|v| Broker {
            node: v,
            score: r.sigma[v] * to_b[v] / r.sigma[b],
        })
        .filter(|x| x.score > 0.0)
        .collect();
    out.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.node.cmp(&y.node)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_middle_of_a_path_is_the_broker() {
        // 0 - 1 - 2 - 3 - 4
        let g = WeightedGraph::from_edges(5, &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0), (3, 4, 1.0)]);
        assert_eq!(betweenness(&g), vec![0.0, 3.0, 4.0, 3.0, 0.0]);
        let b = brokers_between(&g, 0, 4);
        let nodes: Vec<usize> = b.iter().map(|x| x.node).collect();
        assert_eq!(nodes, [1, 2, 3]);
        assert!(b.iter().all(|x| x.score == 1.0));
        assert_eq!(
            brokers_between(&g, 1, 3),
            vec![Broker {
                node: 2,
                score: 1.0
            }]
        );
    }

    #[test]
    fn a_star_centre_brokers_every_pair() {
        let g = WeightedGraph::from_edges(4, &[(0, 1, 2.0), (0, 2, 2.0), (0, 3, 2.0)]);
        assert_eq!(betweenness(&g), vec![3.0, 0.0, 0.0, 0.0]);
        assert_eq!(normalised(&betweenness(&g))[0], 1.0);
    }

    #[test]
    fn two_equal_routes_split_the_dependency() {
        // A square: 0-1-3 and 0-2-3 are equally short.
        let g = WeightedGraph::from_edges(4, &[(0, 1, 1.0), (1, 3, 1.0), (0, 2, 1.0), (2, 3, 1.0)]);
        let b = brokers_between(&g, 0, 3);
        assert_eq!(
            b,
            vec![
                Broker {
                    node: 1,
                    score: 0.5
                },
                Broker {
                    node: 2,
                    score: 0.5
                }
            ]
        );
    }

    #[test]
    fn strong_cooperation_makes_the_detour_shorter() {
        // A weak direct tie 0-2 (distance 1/2) against a strong route through 1
        // (two hops of 1/10 each).
        let g = WeightedGraph::from_edges(3, &[(0, 2, 1.0), (0, 1, 9.0), (1, 2, 9.0)]);
        assert_eq!(
            brokers_between(&g, 0, 2),
            vec![Broker {
                node: 1,
                score: 1.0
            }]
        );
        // With a strong direct tie nobody brokers.
        let g = WeightedGraph::from_edges(3, &[(0, 2, 30.0), (0, 1, 9.0), (1, 2, 9.0)]);
        assert!(brokers_between(&g, 0, 2).is_empty());
    }

    #[test]
    fn unconnected_pairs_have_no_brokers() {
        let g = WeightedGraph::from_edges(4, &[(0, 1, 1.0), (2, 3, 1.0)]);
        assert!(brokers_between(&g, 0, 3).is_empty());
        assert!(brokers_between(&g, 0, 9).is_empty());
        assert_eq!(betweenness(&g), vec![0.0; 4]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Pair dependencies are shares of paths, and every broker of a pair
        /// has betweenness at least its share.
        #[test]
        fn dependencies_are_shares(edges in proptest::collection::vec((0usize..8, 0usize..8, 1u8..5), 0..20)) {
            let e: Vec<(usize, usize, f64)> = edges.iter().map(|&(a, b, w)| (a, b, f64::from(w))).collect();
            let g = WeightedGraph::from_edges(8, &e);
            let cb = betweenness(&g);
            for a in 0..8 {
                for b in (a + 1)..8 {
                    for x in brokers_between(&g, a, b) {
                        prop_assert!(x.score > 0.0 && x.score <= 1.0 + 1e-9);
                        prop_assert!(cb[x.node] + 1e-9 >= x.score);
                    }
                }
            }
        }
    }
}
