//! The backend conformance suite: the runnable copy of the `Store` contract.
//!
//! Every test body is written once, as `pub fn name(store: &mut dyn Store)` in a module per
//! entity. `conformance!` instantiates every body for one backend from a factory expression
//! of type `Option<support::Fixture>` (`None` skips, e.g. PostgreSQL without a test URL; the
//! factory prints why). Adding a backend is one `conformance!` line at the bottom;
//! `pgbouncer` is PostgreSQL again, through a transaction-mode pooler.
//!
//! A body left out of the list below is dead code, which `clippy -D warnings` reports.

mod analysis;
mod audit;
mod bundle;
mod isolation;
mod keys;
mod listing;
mod ordering;
mod persona;
mod pg;
mod report;
mod research;
mod schema;
mod sealing;
mod sessions;
mod sqlite;
mod steps;
mod support;
mod transactions;

/// Instantiates the whole suite for one backend: `conformance!(name, factory_expr)`.
/// Bodies under `fresh` get an unmigrated store; all others get a migrated one.
macro_rules! conformance {
    ($backend:ident, $factory:expr) => {
        mod $backend {
            use crate::support::Fixture;

            /// A fresh, unmigrated store of this backend, or `None` to skip.
            pub fn fresh() -> Option<Fixture> {
                $factory
            }

            /// [`fresh`], migrated.
            pub fn migrated() -> Option<Fixture> {
                let mut fixture = fresh()?;
                fixture.store.migrate().expect("migrate");
                Some(fixture)
            }

            conformance!(@bodies fresh:
                schema [
                    fresh_store_has_every_migration_pending,
                    migrate_applies_every_pending_migration,
                    migrate_is_idempotent,
                    data_methods_refuse_an_outdated_schema,
                    backend_and_location_are_reported,
                ],
            );
            conformance!(@bodies migrated:
                sessions [
                    create_session_returns_a_fresh_onboarding,
                    create_session_is_idempotent,
                    load_onboarding_is_none_without_a_session,
                    save_onboarding_keeps_started_at,
                    save_onboarding_without_a_session_is_no_session,
                    delete_session_cascades_to_that_user_only,
                    deletion_lists_what_delete_removes,
                    delete_session_without_a_session_is_false,
                    reset_without_purge_keeps_stored_data,
                    reset_with_purge_deletes_that_users_data_only,
                    reset_without_a_session_is_no_session,
                ],
                steps [
                    every_step_field_round_trips,
                    saving_again_overwrites_every_step_field,
                    timestamps_round_trip_at_microseconds_in_utc,
                    json_round_trips_nested_and_unicode,
                ],
                ordering [
                    list_sorts_by_every_key_with_user_id_as_tie_break,
                    list_refuses_a_cursor_with_another_order,
                    list_searches_user_ids_literally,
                    count_matching_sessions_ignores_paging,
                    the_service_names_the_total_when_the_list_stops_early,
                ],
                listing [
                    list_orders_by_updated_at_desc_then_user_id,
                    list_pages_with_limit_and_offset,
                    list_pages_with_a_keyset_cursor,
                    the_service_lists_in_bounded_pages,
                    list_reports_and_filters_lifecycle,
                    list_filters_by_current_step,
                    list_filters_stalled_unfinished_sessions,
                    list_filters_combine_with_and,
                ],
                keys [
                    put_then_get_and_list_by_provider,
                    get_missing_provider_is_none,
                    list_without_keys_is_empty,
                    put_again_updates_and_keeps_created_at,
                    delete_api_key_reports_whether_it_existed,
                    keys_are_stored_byte_for_byte,
                ],
                analysis [
                    website_analysis_round_trips,
                    website_analysis_update_keeps_created_at,
                    website_analysis_is_none_until_put,
                ],
                research [
                    research_preferences_round_trip,
                    research_preferences_update_keeps_created_at,
                    research_preferences_are_none_until_put,
                ],
                persona [
                    persona_data_round_trips,
                    persona_data_update_keeps_created_at,
                    persona_data_is_none_until_put,
                ],
                bundle [
                    bundle_round_trips,
                    load_bundle_is_none_without_a_session,
                    load_bundle_matches_the_single_row_reads,
                    save_bundle_replaces_exactly,
                    delete_session_removes_the_lists,
                    load_bundles_equals_load_bundle_per_user,
                    a_batch_transaction_writes_all_its_users_or_none,
                    save_bundle_is_idempotent,
                    save_bundle_leaves_other_users_untouched,
                    failed_save_bundle_changes_nothing,
                    list_user_ids_pages_in_bytewise_order,
                    count_sessions_counts_users,
                    copy_progress_round_trips_per_source,
                ],
                sealing [
                    sealed_keys_round_trip_through_the_service,
                    plaintext_keys_stay_readable_with_a_master_key,
                    sealed_key_without_or_with_the_wrong_master_key_is_exit_4,
                    tampered_ciphertext_fails_to_open,
                    moved_ciphertext_fails_to_open,
                    set_key_refuses_values_that_look_sealed,
                    reseal_seals_plaintext_keys_with_counts,
                    reseal_rotates_under_a_new_master_key,
                    reseal_without_a_master_key_is_exit_4,
                    failed_env_write_leaves_the_row_as_it_was,
                ],
                isolation [
                    every_write_leaves_other_users_untouched,
                    user_scoped_methods_without_a_session_are_no_session_and_change_nothing,
                ],
                report [
                    report_counts_the_funnel_of_generated_users,
                    report_filters_by_start_and_by_user,
                    report_of_an_empty_database_is_zero,
                ],
                audit [
                    audit_rows_round_trip_and_filter,
                    a_batch_of_audit_rows_round_trips_in_order,
                    rolled_back_change_leaves_no_audit_row,
                    the_service_audits_each_change_once,
                ],
                transactions [
                    rollback_undoes_everything_since_begin,
                    commit_keeps_writes_and_misuse_is_refused,
                ],
            );
            conformance!(@pairs migrated:
                transactions_between_stores [
                    concurrent_step_changes_are_all_kept,
                    concurrent_field_merges_are_all_kept,
                    a_second_writer_waits_and_sees_the_commit,
                ],
            );
        }
    };
    (@pairs $make:ident: $module:ident [$($test:ident),* $(,)?] $(,)?) => {
        mod $module {
            $(
                #[test]
                fn $test() {
                    if let Some(mut fixture) = super::$make() {
                        let Some(reopen) = fixture.reopen.clone() else {
                            eprintln!("NOTICE: this backend cannot open a second store; skipped");
                            return;
                        };
                        crate::transactions::$test(&mut *fixture.store, &reopen);
                    }
                }
            )*
        }
    };
    (@bodies $make:ident: $($module:ident [$($test:ident),* $(,)?]),* $(,)?) => {
        $(
            mod $module {
                $(
                    #[test]
                    fn $test() {
                        if let Some(mut fixture) = super::$make() {
                            crate::$module::$test(&mut *fixture.store);
                        }
                    }
                )*
            }
        )*
    };
}

conformance!(sqlite_memory, crate::support::sqlite_memory());
conformance!(sqlite_file, crate::support::sqlite_file());
conformance!(postgres, crate::pg::fixture());
conformance!(pgbouncer, crate::pg::pooler::fixture());
conformance!(workspace, crate::support::workspace());
