//! Quotes and facts: who said what, and which quantities the text states.
//!
//! Both stages start from one lexing of the body ([`quotes::Lexed`]), so a
//! caller that wants both lexes once and calls [`quotes::quotes_in`] and
//! [`facts::facts_in`]; [`quotes::quotes`] and [`facts::facts`] lex for
//! themselves.

#![forbid(unsafe_code)]

pub mod facts;
pub mod quotes;
