-- The onboarding tables of a per-user file as ALwrity HEAD's SQLAlchemy models create them
-- on SQLite (backend/models/onboarding.py, one declarative base): no DEFAULT clause, a rowid
-- primary key, SQLAlchemy's own layout. `session create` on a workspace creates a new user's
-- file with exactly these; ALwrity adds its other tables when it first opens the file.
CREATE TABLE onboarding_sessions (
	id INTEGER NOT NULL, 
	user_id VARCHAR(255) NOT NULL, 
	current_step INTEGER, 
	progress FLOAT, 
	started_at DATETIME, 
	updated_at DATETIME, 
	PRIMARY KEY (id)
);
CREATE TABLE seo_page_audits (
	id INTEGER NOT NULL, 
	user_id VARCHAR(255) NOT NULL, 
	website_url VARCHAR(500) NOT NULL, 
	page_url VARCHAR(1000) NOT NULL, 
	overall_score INTEGER, 
	status VARCHAR(50), 
	category_scores JSON, 
	issues JSON, 
	warnings JSON, 
	recommendations JSON, 
	audit_data JSON, 
	analysis_source VARCHAR(50), 
	last_analyzed_at DATETIME, 
	created_at DATETIME, 
	updated_at DATETIME, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_seo_page_audits_user_page UNIQUE (user_id, page_url)
);
CREATE INDEX ix_seo_page_audits_page_url ON seo_page_audits (page_url);
CREATE INDEX ix_seo_page_audits_status ON seo_page_audits (status);
CREATE INDEX ix_seo_page_audits_user_id ON seo_page_audits (user_id);
CREATE INDEX ix_seo_page_audits_website_url ON seo_page_audits (website_url);
CREATE TABLE api_keys (
	id INTEGER NOT NULL, 
	session_id INTEGER, 
	provider VARCHAR(64) NOT NULL, 
	"key" VARCHAR(256) NOT NULL, 
	created_at DATETIME, 
	updated_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(session_id) REFERENCES onboarding_sessions (id)
);
CREATE TABLE competitor_analyses (
	id INTEGER NOT NULL, 
	session_id INTEGER NOT NULL, 
	competitor_url TEXT NOT NULL, 
	competitor_domain VARCHAR(255), 
	analysis_date DATETIME, 
	analysis_data JSON, 
	status VARCHAR(50), 
	error_message TEXT, 
	warning_message TEXT, 
	created_at DATETIME, 
	updated_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(session_id) REFERENCES onboarding_sessions (id) ON DELETE CASCADE
);
CREATE TABLE persona_data (
	id INTEGER NOT NULL, 
	session_id INTEGER NOT NULL, 
	core_persona JSON, 
	platform_personas JSON, 
	quality_metrics JSON, 
	selected_platforms JSON, 
	research_persona JSON, 
	research_persona_generated_at DATETIME, 
	created_at DATETIME, 
	updated_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(session_id) REFERENCES onboarding_sessions (id) ON DELETE CASCADE
);
CREATE TABLE research_preferences (
	id INTEGER NOT NULL, 
	session_id INTEGER NOT NULL, 
	research_depth VARCHAR(50) NOT NULL, 
	content_types JSON NOT NULL, 
	auto_research BOOLEAN, 
	factual_content BOOLEAN, 
	writing_style JSON, 
	content_characteristics JSON, 
	target_audience JSON, 
	recommended_settings JSON, 
	created_at DATETIME, 
	updated_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(session_id) REFERENCES onboarding_sessions (id) ON DELETE CASCADE
);
CREATE TABLE website_analyses (
	id INTEGER NOT NULL, 
	session_id INTEGER NOT NULL, 
	website_url VARCHAR(500) NOT NULL, 
	analysis_date DATETIME, 
	writing_style JSON, 
	content_characteristics JSON, 
	target_audience JSON, 
	content_type JSON, 
	recommended_settings JSON, 
	brand_analysis JSON, 
	content_strategy_insights JSON, 
	social_media_presence JSON, 
	crawl_result JSON, 
	style_patterns JSON, 
	style_guidelines JSON, 
	seo_audit JSON, 
	strategic_insights_history JSON, 
	status VARCHAR(50), 
	error_message TEXT, 
	warning_message TEXT, 
	created_at DATETIME, 
	updated_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(session_id) REFERENCES onboarding_sessions (id) ON DELETE CASCADE
);

