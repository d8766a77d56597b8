package io.borderlink.gateway.interpol;

/** Whether the public list still shows a notice. */
public enum NoticeState {
    PUBLISHED,
    WITHDRAWN
}
