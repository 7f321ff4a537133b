//! What the network says: dyads, betweenness, brokers, blocs and dependencies.
//!
//! Pure functions over coded events and facts (`model::Event`, `model::Fact`)
//! and the plain graphs built from them; no I/O, no SQL. Every edge keeps the
//! indices of the events behind it, so callers can show the sentences that
//! support any number this crate computes.
//!
//! Pipeline: [`Network::from_events`] aggregates events into directed arcs and
//! undirected ties per dyad; [`Network::cooperation_graph`] keeps the ties whose
//! cooperation outweighs their conflict; [`paths`] runs Brandes' algorithm on it
//! (betweenness, pair dependency = who brokers between A and B); [`louvain`]
//! finds blocs; [`brokerage`] counts Gould-Fernandez roles given blocs;
//! [`dependencies`] reads who depends on whom for what from facts.

#![forbid(unsafe_code)]

pub mod brokerage;
pub mod dependencies;
pub mod louvain;
pub mod network;
pub mod paths;
pub mod timeline;

pub use brokerage::{gould_fernandez, Roles};
pub use dependencies::{dependencies, mutual_dependencies, Dependency};
pub use louvain::{louvain, modularity, Partition};
pub use network::{
    node_code, Arc, DyadStats, Level, Network, NetworkConfig, Node, Tie, WeightedGraph,
};
pub use paths::{betweenness, brokers_between, Broker};
pub use timeline::{monthly, MonthBin};
