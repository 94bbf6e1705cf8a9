#pragma once

namespace vigil::security::audit {

// The audit log's action names, in one place: what writes them and what counts them (the
// transparency report) agree.
inline constexpr char kLogin[] = "login";
inline constexpr char kLoginFailed[] = "login_failed";
inline constexpr char kLogout[] = "logout";
inline constexpr char kLock[] = "lock";
inline constexpr char kUnlock[] = "unlock";
inline constexpr char kRefused[] = "refused";
inline constexpr char kLiveStart[] = "live_start";
inline constexpr char kLiveStop[] = "live_stop";
inline constexpr char kPlayback[] = "playback";
inline constexpr char kSearch[] = "search";
inline constexpr char kSnapshot[] = "snapshot";
inline constexpr char kExport[] = "export";
inline constexpr char kBookmarkAdd[] = "bookmark_add";
inline constexpr char kBookmarkEdit[] = "bookmark_edit";
inline constexpr char kBookmarkDelete[] = "bookmark_delete";
inline constexpr char kHoldAdd[] = "hold_add";
inline constexpr char kHoldRelease[] = "hold_release";
inline constexpr char kMaskLift[] = "mask_lift";
inline constexpr char kRetention[] = "retention";
inline constexpr char kRequestAdd[] = "request_add";
inline constexpr char kRequestStatus[] = "request_status";
inline constexpr char kApprovalAsk[] = "approval_ask";
inline constexpr char kApprovalGrant[] = "approval_grant";
inline constexpr char kApprovalRefuse[] = "approval_refuse";
inline constexpr char kRedactionSave[] = "redaction_save"; // only refusals are written

} // namespace vigil::security::audit
