package dev.priora.integration.engine;

/**
 * Small exports in each tool's format, for the parsers' tests and the import's
 * integration tests.
 */
public final class Exports {

	private Exports() {
	}

	public static final String JIRA_CSV = String.join("\n",
			"Summary,Issue key,Issue id,Issue Type,Status,Resolution,Assignee,Assignee Id,Created,Resolved,Description,"
					+ "Labels,Labels,Sprint,Sprint,Fix Version/s,Custom field (Story Points),Custom field (Story point estimate),"
					+ "Comment,Comment,Parent,Outward issue link (Blocks),Inward issue link (Duplicate),"
					+ "Outward issue link (Relates),Custom field (Rank),Watchers",
			"Checkout,SHP-1,100,Epic,To Do,,,,01/Mar/26 9:00 AM,,The checkout epic,,,,,,,,,,,,,,0|i0000b:,ann",
			"Pay by card,SHP-2,101,Story,Done,Done,Ann Lee,acc-1,02/Mar/26 10:15 AM,05/Mar/26 4:30 PM,\"Card \"\"payments\"\"\","
					+ "payments,PCI Scope,Sprint 1,Sprint 2,v1.0,,5,\"03/Mar/26 8:00 AM;acc-1;Started [~accountid:acc-1]\","
					+ "04/Mar/26 8:00 AM;acc-2;Looks good,100,SHP-3,,,0|i0000a:,",
			"Refunds,SHP-3,102,Story,In Progress,,,,03/Mar/26 11:00 AM,,,,,,,,4,,,,100,,SHP-4,SHP-2,0|i0000c:,",
			"Refunds again,SHP-4,103,Bug,Won't Do,Won't Do,,,03/Mar/26 11:00 AM,06/Mar/26 9:00 AM,,,,,,,,,,,,,,,,",
			"Write the API,SHP-5,104,Sub-task,Mystery,,,,03/Mar/26 11:00 AM,,,,,,,,,,,,102,,,,,",
			",SHP-6,105,Story,To Do,,,,,,,,,,,,,,,,,,,,,", "Pay by card,SHP-2,106,Story,To Do,,,,,,,,,,,,,,,,,,,,,",
			"");

	public static final String JIRA_JSON = """
			{"fields": [{"id": "customfield_10105", "name": "Story Points"}, {"id": "customfield_10700", "name": "Epic Link"},
			            {"id": "customfield_10020", "name": "Sprint"}],
			 "pages": [{"issues": [
			  {"key": "AR-1", "fields": {"summary": "Moderation", "issuetype": {"name": "Epic"}, "status": {"name": "Open"}}},
			  {"key": "AR-2", "fields": {"summary": "Flag a post", "issuetype": {"name": "Story", "subtask": false},
			     "status": {"name": "Ready"}, "customfield_10105": 3.0, "customfield_10700": "AR-1",
			     "labels": ["Moderation", "p1"], "created": "2015-12-02T07:39:15.000-0800",
			     "description": {"type": "doc", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "As a mod"}]}]},
			     "fixVersions": [{"name": "1.1", "releaseDate": "2016-01-31"}],
			     "customfield_10020": ["com.atlassian.greenhopper.service.sprint.Sprint@1a[id=7,rapidViewId=2,state=CLOSED,name=Sprint 7,startDate=2015-12-01T09:00:00.000-08:00,endDate=2015-12-14T17:00:00.000-08:00,goal=Ship it]"],
			     "comment": {"comments": [{"author": {"displayName": "Fred"}, "body": "Agreed", "created": "2015-12-03T10:00:00.000+0000"}]},
			     "subtasks": [{"key": "AR-3"}],
			     "issuelinks": [{"type": {"name": "Blocks", "inward": "is blocked by", "outward": "blocks"}, "inwardIssue": {"key": "AR-4"}},
			                    {"type": {"name": "Duplicate", "inward": "is duplicated by", "outward": "duplicates"}, "outwardIssue": {"key": "AR-4"}}]}},
			  {"key": "AR-3", "fields": {"summary": "Flag API", "issuetype": {"name": "Sub-task", "subtask": true},
			     "parent": {"key": "AR-2"}, "status": {"name": "Shipped it", "statusCategory": {"key": "done"}},
			     "resolutiondate": "2015-12-07T14:19:13.000-0800", "resolution": {"name": "Done"}}}]},
			  {"issues": [{"key": "AR-4", "fields": {"summary": "Old flagging", "issuetype": {"name": "Bug"},
			     "status": {"name": "Closed"}, "resolution": {"name": "Won't Fix"}}},
			    {"key": "AR-5", "fields": {"issuetype": {"name": "Bug"}}}]}]}""";

	public static final String TRELLO = """
			{"name": "Shop", "lists": [{"id": "l1", "name": "To Do"}, {"id": "l2", "name": "Doing"},
			   {"id": "l3", "name": "Done"}, {"id": "l4", "name": "Parking lot"}, {"id": "l5", "name": "Old", "closed": true}],
			 "members": [{"id": "m1", "fullName": "Ann Lee"}],
			 "cards": [
			   {"id": "5f1a2b3c0000000000000001", "name": "Wish lists", "desc": "Save for later", "idList": "l2",
			    "labels": [{"name": "Feature", "color": "green"}, {"name": "", "color": "red"}], "idMembers": ["m1"],
			    "shortUrl": "https://trello.com/c/abc"},
			   {"id": "5f1a2b3c0000000000000002", "name": "Crash on login", "idList": "l3", "labels": [{"name": "Bug"}],
			    "dateLastActivity": "2020-07-24T10:00:00.000Z"},
			   {"id": "5f1a2b3c0000000000000003", "name": "Old idea", "idList": "l1", "closed": true},
			   {"id": "5f1a2b3c0000000000000004", "name": "On an archived list", "idList": "l5"},
			   {"id": "5f1a2b3c0000000000000005", "name": "Someday", "idList": "l4"},
			   {"id": "5f1a2b3c0000000000000006", "name": "", "idList": "l1"}],
			 "checklists": [{"idCard": "5f1a2b3c0000000000000001", "checkItems": [
			    {"name": "Add to list", "state": "complete", "pos": 1}, {"name": "Share list", "state": "incomplete", "pos": 2}]}],
			 "actions": [{"type": "commentCard", "date": "2020-07-25T08:00:00.000Z", "memberCreator": {"fullName": "Bob"},
			    "data": {"card": {"id": "5f1a2b3c0000000000000001"}, "text": "Needed by March"}}]}""";

}
