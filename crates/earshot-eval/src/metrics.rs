//! Binary classification metrics shared by every task's evaluation.

/// A confusion matrix for one binary decision.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: u64,
    pub fp: u64,
    pub fn_: u64,
    pub tn: u64,
}

impl Counts {
    pub fn add(&mut self, truth: bool, predicted: bool) {
        match (truth, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }

    pub fn n(&self) -> u64 {
        self.tp + self.fp + self.fn_ + self.tn
    }

    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// The share of negatives flagged: the false-alarm rate.
    pub fn false_positive_rate(&self) -> f64 {
        ratio(self.fp, self.fp + self.tn)
    }

    /// The share of all items flagged.
    pub fn flagged_rate(&self) -> f64 {
        ratio(self.tp + self.fp, self.n())
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The unweighted mean of the F1 of each class.
pub fn macro_f1(classes: &[Counts]) -> f64 {
    if classes.is_empty() {
        return 0.0;
    }
    classes.iter().map(Counts::f1).sum::<f64>() / classes.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_recall_f1() {
        let mut c = Counts::default();
        for (t, p) in [
            (true, true),
            (true, true),
            (true, false),
            (false, true),
            (false, false),
        ] {
            c.add(t, p);
        }
        assert!((c.precision() - 2.0 / 3.0).abs() < 1e-9);
        assert!((c.recall() - 2.0 / 3.0).abs() < 1e-9);
        assert!((c.f1() - 2.0 / 3.0).abs() < 1e-9);
        assert!((c.false_positive_rate() - 0.5).abs() < 1e-9);
        assert_eq!(Counts::default().f1(), 0.0);
        assert!(
            (macro_f1(&[
                c,
                Counts {
                    tp: 1,
                    ..Counts::default()
                }
            ]) - (2.0 / 3.0 + 1.0) / 2.0)
                .abs()
                < 1e-9
        );
    }
}
