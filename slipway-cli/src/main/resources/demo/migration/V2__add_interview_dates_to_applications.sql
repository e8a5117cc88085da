-- slipway:lock-timeout 2s
ALTER TABLE applications ADD COLUMN interview_dates date[];
