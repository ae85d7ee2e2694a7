//! API keys: upsert, get, list (ordered by provider), delete, and exact storage of values.

use onboardctl::store::Store;

use crate::support::{at, key, user};

/// Keys come back from `get` and from `list`, ordered by provider.
pub fn put_then_get_and_list_by_provider(store: &mut dyn Store) {
    let u = user("keyholder");
    store.create_session(&u, at(0)).unwrap();
    for p in ["openai", "exa", "gemini"] {
        store
            .put_api_key(&u, &key(p, &format!("{p}-secret-value"), at(1)))
            .unwrap();
    }
    let got = store.get_api_key(&u, &"exa".parse().unwrap()).unwrap();
    assert_eq!(got, Some(key("exa", "exa-secret-value", at(1))));
    let listed = store.list_api_keys(&u).unwrap();
    let providers: Vec<_> = listed.iter().map(|k| k.provider.as_str()).collect();
    assert_eq!(providers, ["exa", "gemini", "openai"]);
    assert_eq!(listed[2], key("openai", "openai-secret-value", at(1)));
}

/// A provider without a key is `None`.
pub fn get_missing_provider_is_none(store: &mut dyn Store) {
    let u = user("partial");
    store.create_session(&u, at(0)).unwrap();
    store
        .put_api_key(&u, &key("gemini", "AIzaX", at(0)))
        .unwrap();
    assert_eq!(
        store.get_api_key(&u, &"exa".parse().unwrap()).unwrap(),
        None
    );
}

/// A session without keys lists none (and never another user's).
pub fn list_without_keys_is_empty(store: &mut dyn Store) {
    let u = user("keyless");
    store.create_session(&u, at(0)).unwrap();
    store.create_session(&user("other"), at(0)).unwrap();
    store
        .put_api_key(&user("other"), &key("gemini", "AIzaOther", at(0)))
        .unwrap();
    assert!(store.list_api_keys(&u).unwrap().is_empty());
}

/// An upsert replaces value and `updated_at`, keeps `created_at`, stays one row.
pub fn put_again_updates_and_keeps_created_at(store: &mut dyn Store) {
    let u = user("rotator");
    store.create_session(&u, at(0)).unwrap();
    store
        .put_api_key(&u, &key("gemini", "AIzaOLD", at(10)))
        .unwrap();
    let mut newer = key("gemini", "AIzaNEW", at(20));
    newer.created_at = at(15);
    store.put_api_key(&u, &newer).unwrap();
    let got = store
        .get_api_key(&u, &"gemini".parse().unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(got.value.expose(), "AIzaNEW");
    assert_eq!(got.created_at, at(10), "the original created_at is kept");
    assert_eq!(got.updated_at, at(20));
    assert_eq!(
        store.list_api_keys(&u).unwrap().len(),
        1,
        "still one key per provider"
    );
}

/// `delete_api_key` is `true` once, then `false`, and removes only that key.
pub fn delete_api_key_reports_whether_it_existed(store: &mut dyn Store) {
    let u = user("deleter");
    store.create_session(&u, at(0)).unwrap();
    store
        .put_api_key(&u, &key("gemini", "AIzaG", at(0)))
        .unwrap();
    store.put_api_key(&u, &key("exa", "exa-E", at(0))).unwrap();
    let gemini = "gemini".parse().unwrap();
    assert!(store.delete_api_key(&u, &gemini).unwrap());
    assert!(!store.delete_api_key(&u, &gemini).unwrap());
    assert_eq!(store.get_api_key(&u, &gemini).unwrap(), None);
    assert_eq!(
        store.list_api_keys(&u).unwrap(),
        vec![key("exa", "exa-E", at(0))]
    );
}

/// Key values survive storage exactly: quotes, spaces, unicode, long values.
pub fn keys_are_stored_byte_for_byte(store: &mut dyn Store) {
    let u = user("exact");
    store.create_session(&u, at(0)).unwrap();
    let long = "x".repeat(2000);
    let values = [
        "sk-ant-api03-'quoted'\"double\"-and-\\backslash",
        "  leading and trailing spaces  ",
        "ünïcödé-🔑-key",
        "enc:v1:Zm9vYmFyYmF6",
        long.as_str(),
    ];
    for (i, v) in values.iter().enumerate() {
        let provider = format!("p{i}");
        store.put_api_key(&u, &key(&provider, v, at(0))).unwrap();
        let got = store
            .get_api_key(&u, &provider.parse().unwrap())
            .unwrap()
            .unwrap();
        assert!(got.value.expose() == *v, "value {i} changed in storage");
    }
}
