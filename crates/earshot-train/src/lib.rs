//! Training for the models earshot ships: each model has a module with a `train_*` function that
//! reads the development data (`../shared/data`), trains, measures on held-out data and writes the
//! model file. Only data whose licence allows shipping the weights is used for training.

pub mod corpora;
pub mod emotion;
pub mod sentiment;
pub mod sgd;
