use time::macros::date;

use super::*;

#[test]
fn buckets_keep_three_significant_figures() {
    assert_eq!(bucket(0), 0);
    assert_eq!(bucket(-5), 0);
    assert_eq!(bucket(999), 999);
    assert_eq!(bucket(1_000), 1_000);
    assert_eq!(bucket(1_239), 1_230);
    assert_eq!(bucket(123_456), 123_000);
    assert_eq!(bucket(i64::MAX), 9_220_000_000_000_000_000);
}

#[test]
fn percentiles_are_nearest_rank_and_max_is_exact() {
    let mut d = Durations::default();
    for s in 1..=10 {
        d.add(bucket(s), 1, s);
    }
    d.add(bucket(12_345), 1, 12_345);
    let stats = d.stats().unwrap();
    assert_eq!(stats.count, 11);
    // rank ceil(0.5 * 11) = 6, ceil(0.9 * 11) = 10.
    assert_eq!(stats.p50_seconds, 6);
    assert_eq!(stats.p90_seconds, 10);
    assert_eq!(stats.max_seconds, 12_345);
    assert_eq!(Durations::default().stats(), None);
}

#[test]
fn partials_merge_to_the_whole() {
    let mut a = FunnelPartial {
        users: 2,
        completed: 1,
        ..FunnelPartial::default()
    };
    a.furthest[6] = 1;
    a.furthest[2] = 1;
    a.statuses[0] = [2, 0, 0];
    a.days.insert(Some(date!(2026 - 01 - 05)), (2, 1));
    a.durations[0].add(100, 1, 100);
    let mut b = a.clone();
    b.stuck[1] = 3;
    b.durations[0].add(5_000, 1, 5_001);
    let mut m = a.clone();
    m.merge(&b);
    assert_eq!(m.users, 4);
    assert_eq!(m.furthest[6], 2);
    assert_eq!(m.statuses[0], [4, 0, 0]);
    assert_eq!(m.stuck[1], 3);
    assert_eq!(m.days[&Some(date!(2026 - 01 - 05))], (4, 2));
    assert_eq!(m.durations[0].count(), 3);
    assert_eq!(m.durations[0].max, Some(5_001));
    let mut r = ReportPartial::default();
    r.merge(&ReportPartial {
        onboardctl: a.clone(),
        alwrity: Some(b.clone()),
    });
    assert_eq!(r.alwrity.as_ref().unwrap().users, 2);
}

#[test]
fn the_funnel_counts_reach_from_the_furthest_step() {
    let mut p = FunnelPartial {
        users: 3,
        ..FunnelPartial::default()
    };
    p.furthest[1] = 1;
    p.furthest[3] = 1;
    p.furthest[6] = 1;
    let f = funnel(&p, CohortBy::Week);
    let reached: Vec<u64> = f.steps.iter().map(|s| s.reached).collect();
    assert_eq!(reached, [3, 2, 2, 1, 1, 1]);
}

#[test]
fn cohorts_start_on_monday_or_the_first_and_undated_come_last() {
    assert_eq!(
        cohort_start(date!(2026 - 01 - 04), CohortBy::Week),
        date!(2025 - 12 - 29)
    );
    assert_eq!(
        cohort_start(date!(2026 - 01 - 05), CohortBy::Week),
        date!(2026 - 01 - 05)
    );
    assert_eq!(
        cohort_start(date!(2026 - 02 - 17), CohortBy::Month),
        date!(2026 - 02 - 01)
    );
    let mut p = FunnelPartial::default();
    p.days.insert(None, (1, 0));
    p.days.insert(Some(date!(2026 - 02 - 17)), (2, 1));
    p.days.insert(Some(date!(2026 - 02 - 03)), (2, 0));
    let f = funnel(&p, CohortBy::Month);
    assert_eq!(f.cohorts.len(), 2);
    assert_eq!(f.cohorts[0].start, Some(date!(2026 - 02 - 01)));
    assert_eq!((f.cohorts[0].users, f.cohorts[0].completed), (4, 1));
    assert_eq!(f.cohorts[1].start, None);
}

#[test]
fn readings_differ_only_on_what_alwrity_can_express() {
    let mut a = FunnelPartial {
        users: 1,
        ..FunnelPartial::default()
    };
    a.furthest[6] = 1;
    a.statuses[4] = [1, 0, 0];
    let mut b = a.clone();
    b.statuses[4] = [0, 1, 0];
    let same = report(
        &ReportPartial {
            onboardctl: b.clone(),
            alwrity: Some(a.clone()),
        },
        CohortBy::Week,
    );
    assert!(!same.readings_differ);
    b.completed = 1;
    let differs = report(
        &ReportPartial {
            onboardctl: b,
            alwrity: Some(a),
        },
        CohortBy::Week,
    );
    assert!(differs.readings_differ);
}
