//! Unit tests of ALwrity's meanings: the reading, the write pattern per action, derivation
//! and disagreement.

use time::macros::datetime;

use super::*;

const T: Timestamp = datetime!(2026-03-01 10:00:00 UTC);

fn cols(step: i64, progress: f64) -> AlwrityColumns {
    AlwrityColumns {
        current_step: Some(step),
        progress: Some(progress),
    }
}

fn step(n: u8) -> StepNumber {
    StepNumber::new(i64::from(n)).unwrap()
}

fn steps(done: &[u8]) -> [StepState; 6] {
    std::array::from_fn(|i| {
        let n = step(i as u8 + 1);
        let mut s = StepState::pending(n);
        if done.contains(&n.get()) {
            s.status = StepStatus::Completed;
        }
        s
    })
}

#[test]
fn the_reading_is_alwritys_or_predicate_with_null_defaults() {
    let r = AlwrityColumns::default().reading();
    assert_eq!(
        (r.current_step, r.progress, r.is_completed, r.next_step),
        (1, 0.0, false, 1)
    );
    assert!(cols(6, 17.0).reading().is_completed, "step 6 alone");
    assert!(cols(2, 100.0).reading().is_completed, "progress 100 alone");
    let r = cols(3, 50.0).reading();
    assert_eq!((r.is_completed, r.next_step), (false, 3));
    assert_eq!(cols(6, 100.0).reading().next_step, 6);
}

#[test]
fn completing_step_n_writes_n_and_rounded_sixths() {
    let expected = [17.0, 33.0, 50.0, 67.0, 83.0, 100.0];
    for n in 1..=6u8 {
        let after = columns_after(
            Era::Head,
            AlwrityAction::StepDone(step(n)),
            AlwrityColumns::FRESH,
            &steps(&[]),
        );
        assert_eq!(after, cols(i64::from(n), expected[usize::from(n) - 1]));
    }
    // Any order, as ALwrity's own path: completing 2 after 4 writes 2.
    let after = columns_after(
        Era::Head,
        AlwrityAction::StepDone(step(2)),
        cols(4, 67.0),
        &steps(&[]),
    );
    assert_eq!(after, cols(2, 33.0));
}

#[test]
fn completion_reset_and_creation_write_alwritys_constants() {
    let any = cols(3, 50.0);
    assert_eq!(
        columns_after(Era::Head, AlwrityAction::Completed, any, &steps(&[])),
        cols(6, 100.0)
    );
    assert_eq!(
        columns_after(Era::Seed, AlwrityAction::Reset, any, &steps(&[])),
        cols(1, 0.0)
    );
    assert_eq!(
        columns_after(Era::Head, AlwrityAction::Created, any, &steps(&[])),
        cols(1, 0.0)
    );
    let set = columns_after(Era::Head, AlwrityAction::SetStep(step(4)), any, &steps(&[]));
    assert_eq!(set, cols(4, 50.0), "update_step leaves progress alone");
    let p = columns_after(
        Era::Head,
        AlwrityAction::SetProgress(42.5),
        any,
        &steps(&[]),
    );
    assert_eq!(p, cols(3, 42.5), "update_progress leaves the step alone");
}

#[test]
fn undoing_a_step_alwrity_counts_writes_the_contiguous_prefix() {
    let before = cols(4, 67.0);
    let after = columns_after(
        Era::Head,
        AlwrityAction::StepUndone(step(3)),
        before,
        &steps(&[1, 2, 4]),
    );
    assert_eq!(after, cols(2, 33.0));
    let none = columns_after(
        Era::Head,
        AlwrityAction::StepUndone(step(1)),
        cols(1, 17.0),
        &steps(&[]),
    );
    assert_eq!(none, AlwrityColumns::FRESH);
    // A step ALwrity does not count yet: its columns stay.
    let later = columns_after(
        Era::Head,
        AlwrityAction::StepUndone(step(5)),
        before,
        &steps(&[1, 2, 3, 4]),
    );
    assert_eq!(later, before);
}

#[test]
fn steps_passed_follow_each_era() {
    assert_eq!(cols(1, 0.0).steps_passed(Era::Head), 0, "fresh or reset");
    assert_eq!(cols(1, 17.0).steps_passed(Era::Head), 1);
    assert_eq!(cols(3, 50.0).steps_passed(Era::Head), 3);
    // Seed: the legacy path stored the next step; progress counts.
    assert_eq!(cols(2, 16.7).steps_passed(Era::Seed), 1);
    assert_eq!(cols(4, 50.0).steps_passed(Era::Seed), 3);
    assert_eq!(cols(2, 100.0).steps_passed(Era::Seed), 6);
}

#[test]
fn derivation_never_undoes_a_reset_and_needs_data_for_steps_1_to_4() {
    let all = StepEvidence {
        keys: true,
        website: true,
        research: true,
        persona: true,
    };
    let (reset, done) = derive_steps(Era::Head, cols(1, 0.0), all, T);
    assert!(reset.iter().all(|s| s.status == StepStatus::Pending) && done.is_none());
    let (three, _) = derive_steps(Era::Head, cols(3, 50.0), all, T);
    let statuses: Vec<bool> = three.iter().map(|s| s.status.is_done()).collect();
    assert_eq!(statuses, [true, true, true, false, false, false]);
    let no_persona = StepEvidence {
        persona: false,
        ..all
    };
    let (complete, at) = derive_steps(Era::Head, cols(4, 100.0), no_persona, T);
    assert_eq!(at, Some(T), "complete exactly when ALwrity says so");
    assert_eq!(
        complete[3].status,
        StepStatus::Pending,
        "step 4 has no persona"
    );
    assert_eq!(
        complete[4].status,
        StepStatus::Completed,
        "step 5: passed, no data needed"
    );
    let line = disagreement(cols(4, 100.0), &complete).unwrap();
    assert!(
        line.contains("progress >= 100") && line.contains("step 4"),
        "{line}"
    );
    assert_eq!(disagreement(cols(3, 50.0), &three), None);
}

#[test]
fn eras_are_detected_from_the_folder_or_head_only_tables() {
    assert_eq!(detect_era(None, None, &[]).era, Era::Seed);
    assert_eq!(detect_era(None, Some("workspace_u1"), &[]).era, Era::Head);
    let by_table = detect_era(None, None, &["seo_page_audits"]);
    assert_eq!(by_table.era, Era::Head);
    assert!(by_table.reason.contains("seo_page_audits"));
    assert_eq!(
        detect_era(Some(Era::Seed), Some("workspace_u1"), &[]).era,
        Era::Seed
    );
}
